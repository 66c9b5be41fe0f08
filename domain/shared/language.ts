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

/** A translation of a text: never the original, which stays in the text field itself. */
export const TranslationInput = z.object({ text: Text(4000), language: LanguageTag });

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
