/**
 * The search key of a text: lower case, accents and other marks removed, letters NFD does not
 * decompose mapped to their base letter (ł, ø, ß...), every run of other characters one space,
 * padded with a space at each end so that a key found inside another starts and ends on word
 * boundaries. "Città di Torino (PON Metro)" -> " citta di torino pon metro ". Read models store it
 * beside the text, so "contains" filters are one LIKE on a column, the same in every query.
 */
const SPECIAL: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };

export function searchKey(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[łøæœßđıþð]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words ? ` ${words} ` : ' ';
}

/**
 * The LIKE pattern that finds `text` inside search keys: anywhere in a word ("boost" finds
 * BoostInno), or, with `wholeWords`, only as whole words ("city of turin" finds "City of Turin
 * (partner)" but not "Città Metropolitana di Torino"). Use with `ESCAPE '\'`.
 */
export function searchPattern(text: string, wholeWords = false): string {
  const key = searchKey(text);
  const core = wholeWords ? key : key.trim();
  return `%${core.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
