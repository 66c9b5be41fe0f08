import type { Translation as TranslationValue } from '../domain/shared/language.js';
import { TranslationInput } from '../domain/shared/language.js';
import { builder } from './builder.js';
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
