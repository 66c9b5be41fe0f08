import { type Translation, type TranslationAdded, withTranslation } from '../../domain/shared/language.js';
import type { ReadModelStore } from '../types.js';

/**
 * The columns of a text kept in its language (`<text>_language`, `<text>_translations`) of one row,
 * after a translation was added later: the original's language recorded when it was not, the
 * translation added or put in place of the earlier one into the same language. The meetings', the
 * plan actions' and the network lessons' read models share it.
 */
export function storeTranslation(
  db: ReadModelStore,
  table: string,
  text: string,
  row: { readonly where: string; readonly params: readonly (string | number)[] },
  added: TranslationAdded,
): void {
  const current = db.get<{ language: string | null; translations: string | null }>(
    `SELECT ${text}_language AS language, ${text}_translations AS translations FROM ${table} WHERE ${row.where}`,
    [...row.params],
  );
  if (!current) return;
  const translations = withTranslation(current.translations ? (JSON.parse(current.translations) as Translation[]) : [], added);
  db.run(`UPDATE ${table} SET ${text}_language = ?, ${text}_translations = ? WHERE ${row.where}`, [
    current.language ?? added.originalLanguage ?? null,
    JSON.stringify(translations),
    ...row.params,
  ]);
}

/** A text's translations as a column holds them: JSON, or null when there are none. */
export function translationsColumn(translations: readonly Translation[] | undefined): string | null {
  return translations?.length ? JSON.stringify(translations) : null;
}
