import type { Translation as TranslationValue } from '../domain/shared/language.js';
import { TranslationInput } from '../domain/shared/language.js';
import type { ObjectFieldBuilder } from '@pothos/core';
import type { FieldAuthScopes } from '@pothos/plugin-scope-auth';
import { builder, type Types } from './builder.js';
import { inputName } from './inputs.js';

inputName(TranslationInput, 'TranslationInput');

/** A translation of a text, marked as such: the text field itself stays the original. */
export const Translation = builder.objectRef<TranslationValue>('Translation').implement({
  description: "A translation of a text, not the original (the text field itself is the original, in its field's language).",
  fields: (t) => ({
    text: t.exposeString('text'),
    language: t.exposeString('language', { description: 'BCP 47 tag, e.g. en.' }),
  }),
});

/** The translations stored as a JSON array (null: none). */
export function translationsOf(json: string | null): TranslationValue[] {
  return json ? (JSON.parse(json) as TranslationValue[]) : [];
}

/** The texts kept in their language, by the name of their field. */
type TextName = 'title' | 'lesson' | 'description' | 'notes' | 'summary';

/** The row of a text kept in its language: `<name>`, `<name>_language`, `<name>_translations`. */
type TextInLanguageRow<Name extends string> = Record<Name, string> & Record<`${Name}_language` | `${Name}_translations`, string | null>;

/**
 * The fields beside a text kept in its language: `<name>Language` and `<name>Translations` (for a
 * text whose own field is declared apart, such as a meeting's notes). Restricted like the text
 * when given `authScopes`: then the translations are nullable too, so withholding them wipes nothing else.
 */
export function languageFields<Name extends TextName, Row extends TextInLanguageRow<Name>>(
  t: ObjectFieldBuilder<Types, Row>,
  name: Name,
  authScopes?: FieldAuthScopes<Types, Row, Record<string, never>>,
) {
  const row = (r: Row) => r as TextInLanguageRow<Name>;
  return {
    [`${name}Language`]: t.string({
      nullable: true,
      description: `BCP 47 tag of the ${name} as written, e.g. it; null when not recorded.`,
      ...(authScopes ? { authScopes } : {}),
      resolve: (r) => row(r)[`${name}_language`],
    }),
    [`${name}Translations`]: t.field({
      type: [Translation],
      nullable: authScopes !== undefined,
      description: `Translations of the ${name}, each with its language.`,
      ...(authScopes ? { authScopes } : {}),
      resolve: (r) => translationsOf(row(r)[`${name}_translations`]),
    }),
  };
}

/**
 * The fields of a text kept in its language: `title` (the original as written), `titleLanguage`
 * and `titleTranslations` (for name `title`; likewise for `lesson`).
 */
export function textInLanguageFields<Name extends TextName, Row extends TextInLanguageRow<Name>>(t: ObjectFieldBuilder<Types, Row>, name: Name) {
  const row = (r: Row) => r as TextInLanguageRow<Name>;
  return {
    [name]: t.string({ description: `As written: the original (its language in ${name}Language).`, resolve: (r) => row(r)[name] }),
    ...languageFields(t, name),
  };
}
