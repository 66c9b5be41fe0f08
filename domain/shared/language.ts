import { z } from 'zod';
import { RuleViolationError } from './errors.js';
import { Text } from './values.js';

/**
 * A BCP 47 language tag (`it`, `en`, `pt-BR`), in its canonical form. `Intl.getCanonicalLocales`
 * is part of the language (no I/O), so the decider stays pure.
 */
export const LanguageTag = z
  .string()
  .trim()
  .max(35, 'must be at most 35 characters')
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag, e.g. it, en, pt-BR' });
    return z.NEVER;
  });

/**
 * A translation of a text: never the original, which stays in the text field itself. As long as the
 * longest text translated (a meeting's notes).
 */
export const TranslationInput = z.object({ text: Text(20000), language: LanguageTag });

export const TranslationSchema = z.object({ text: z.string(), language: z.string() });
export type Translation = z.infer<typeof TranslationSchema>;

/** The language of a text field, optional: old clients send none and old events have none. */
export const OptionalLanguage = LanguageTag.nullish()
  .transform((tag) => tag ?? undefined)
  .optional();

/** Translations of a text field, each marked with its language; the field itself stays the original. */
export const OptionalTranslations = () =>
  z
    .array(TranslationInput)
    .max(10, 'at most 10 translations')
    .nullish()
    .transform((translations) => (translations?.length ? translations : undefined))
    .optional();

/**
 * Translations need the original's language, and each is in another language than the original
 * and the other translations.
 */
export function requireTranslations(what: string, language: string | undefined, translations: readonly Translation[] | undefined): void {
  if (!translations?.length) return;
  if (!language) {
    throw new RuleViolationError('ORIGINAL_LANGUAGE_MISSING', `${what}: give the original's language with its translations`);
  }
  const seen = new Set([language.toLowerCase()]);
  for (const { language: other } of translations) {
    if (seen.has(other.toLowerCase())) {
      throw new RuleViolationError('TRANSLATION_LANGUAGE_REPEATED', `${what}: a translation into ${other} repeats the original's or another translation's language`);
    }
    seen.add(other.toLowerCase());
  }
}

/** The event fields of a text's language and translations, only those given (old events have none). */
export function languageOf<Name extends string>(
  name: Name,
  language: string | undefined,
  translations: readonly Translation[] | undefined,
): Partial<Record<`${Name}Language`, string> & Record<`${Name}Translations`, Translation[]>> {
  return {
    ...(language ? { [`${name}Language`]: language } : {}),
    ...(translations?.length ? { [`${name}Translations`]: [...translations] } : {}),
  } as Partial<Record<`${Name}Language`, string> & Record<`${Name}Translations`, Translation[]>>;
}

/** What a decider remembers of a text to translate it later: its language (if recorded) and translations. */
export interface TextLanguages {
  readonly language?: string | undefined;
  readonly translations: readonly Translation[];
}

/** The language fields of an event, as a decider remembers them. */
export function textLanguages(language: string | undefined, translations: readonly Translation[] | undefined): TextLanguages {
  return { language, translations: translations ?? [] };
}

const sameLanguage = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The translations with one added, replacing an earlier one into the same language (in its place). */
export function withTranslation(translations: readonly Translation[], added: Translation): Translation[] {
  const at = translations.findIndex((t) => sameLanguage(t.language, added.language));
  if (at < 0) return [...translations, { text: added.text, language: added.language }];
  return translations.map((t, i) => (i === at ? { text: added.text, language: added.language } : t));
}

/** A translation added after the text was written: its text and language, and the original's when none was recorded. */
export const AddTranslation = z.object({
  language: LanguageTag.describe('The language of the translation (BCP 47, e.g. en); an earlier translation into it is replaced.'),
  text: TranslationInput.shape.text.describe('The translated text.'),
  originalLanguage: OptionalLanguage.describe(
    "The original's language (BCP 47), needed when none was recorded with it; when one was, it must be the same.",
  ),
});

/** The event data of a translation added later: the translation, and the original's language when it was not recorded before. */
export const TranslationAddedSchema = z.object({
  language: z.string(),
  text: z.string(),
  /** Present when the original had no language recorded: it is recorded now. */
  originalLanguage: z.string().optional(),
});
export type TranslationAdded = z.infer<typeof TranslationAddedSchema>;

/**
 * Decides a translation added later: the original is kept, its language must be known (recorded,
 * or given now), the translation must be in another language, and one into a language already
 * translated replaces that one. Null when it changes nothing (the same translation again).
 */
export function decideTranslation(what: string, current: TextLanguages, input: z.output<typeof AddTranslation>): TranslationAdded | null {
  const { language, text, originalLanguage: given } = input;
  if (current.language && given && !sameLanguage(current.language, given)) {
    throw new RuleViolationError(
      'ORIGINAL_LANGUAGE_DIFFERS',
      `${what} is recorded as written in ${current.language}, not ${given}: leave originalLanguage out`,
    );
  }
  const original = current.language ?? given;
  if (!original) {
    throw new RuleViolationError('ORIGINAL_LANGUAGE_MISSING', `${what} has no language recorded: give originalLanguage with the translation`);
  }
  if (sameLanguage(original, language)) {
    throw new RuleViolationError('TRANSLATION_IN_ORIGINAL_LANGUAGE', `${what} is written in ${original}: a translation must be into another language`);
  }
  const earlier = current.translations.find((t) => sameLanguage(t.language, language));
  if (current.language && earlier?.text === text && earlier.language === language) return null;
  return { language, text, ...(current.language ? {} : { originalLanguage: original }) };
}

/** A text after a translation was added: the original's language recorded, the translation in place. */
export function translated(current: TextLanguages, added: TranslationAdded): TextLanguages {
  return { language: current.language ?? added.originalLanguage, translations: withTranslation(current.translations, added) };
}

/**
 * The language and translations of a text replaced whole (a meeting described again). Those given
 * with it win; given none, an unchanged text keeps its own (a different language drops the
 * translations), and a changed text has none: they translated the text it replaced.
 */
export function replacedTextLanguages(
  unchanged: boolean,
  current: TextLanguages | undefined,
  language: string | undefined,
  translations: readonly Translation[] | undefined,
): TextLanguages {
  if (!unchanged || !current) return textLanguages(language, translations);
  const sameOriginal = !language || !current.language || sameLanguage(language, current.language);
  return { language: language ?? current.language, translations: translations ?? (sameOriginal ? current.translations : []) };
}

/** Whether two texts' languages and translations are the same (a command that changes nothing appends nothing). */
export function sameTextLanguages(a: TextLanguages | undefined, b: TextLanguages | undefined): boolean {
  return (a?.language ?? null) === (b?.language ?? null) && JSON.stringify(a?.translations ?? []) === JSON.stringify(b?.translations ?? []);
}
