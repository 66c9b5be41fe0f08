import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boostinnoContributions, boostinnoNeeds, boostinnoPractices } from '../../seed/data/boostinno.js';
import { cities } from '../../seed/data/cities.js';
import { interactiveCitiesLearnings } from '../../seed/data/interactiveCities.js';
import { torinoPlanActions } from '../../seed/data/torinoPlan.js';
import { urbinclusionLearnings, urbinclusionMeetings } from '../../seed/data/urbinclusion.js';

/**
 * The second reading of the demo data against the documents themselves (../shared/seeds, beside
 * the repository as the README says): records a test of the loaded data cannot tell from a typo or
 * a record put in the wrong city's column.
 */

const document = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

/** Text as compared: markdown emphasis and markup dropped, spaces collapsed, case and final stops ignored. */
const plain = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.?]+$/, '');

describe("doc 002, Appendix 1: each city's row", () => {
  const lines = document('002_05c224d11ec4785c.txt').split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Appendix 1 Synthesis of the exchange and learning processes');
  const end = lines.findIndex((l, i) => i > start && l.trim() === 'Appendix 2 Towards Integrated Action Plans');
  const rowNames: Record<string, string> = {
    Gdansk: 'gdansk', Turin: 'torino', Milan: 'milan', Braga: 'braga', Paris: 'paris', Strasbourg: 'strasbourg',
    'Baia Mare': 'baiaMare', Barcelona: 'barcelona', Wroclaw: 'wroclaw', Skane: 'skane',
  };
  // Column by column (1 experience, 2 good practice, 3 learning needs, 4 capacity building), the
  // cells of a city's row and of the lines that continue it.
  const cells: Record<string, string[]> = {};
  let city = '';
  for (const line of lines.slice(start, end)) {
    const [first, ...rest] = line.split('\t');
    if (rowNames[first!.trim()]) city = rowNames[first!.trim()]!;
    if (!city) continue;
    const row = (cells[city] ??= ['', '', '', '', '']);
    rest.forEach((cell, i) => (row[i + 1] += ` ${plain(cell)}`));
  }
  /** Where a record's text does not start in its city's cell of that column. */
  const misplaced = (records: readonly { city: string; text: string }[], column: (r: { city: string; text: string }) => number) =>
    records.filter((r) => !(cells[r.city]?.[column(r)] ?? '').includes(plain(r.text.replace(/^Specific experience in: /, '')).slice(0, 40)));

  it('has the ten cities of the table', () => {
    expect(Object.keys(cells).sort()).toEqual(Object.values(rowNames).sort());
  });

  it('finds each of the 63 needs in its city\'s learning or capacity-building column', () => {
    const needs = boostinnoNeeds.map((n) => ({ city: n.city, text: n.description, kind: n.kind }));
    expect(needs).toHaveLength(63);
    expect(misplaced(needs, (r) => ((r as (typeof needs)[number]).kind === 'learning' ? 3 : 4))).toEqual([]);
  });

  it("finds each of the 23 practices in its city's good practice column, and each of the 22 contributions in its experience column", () => {
    expect(misplaced(boostinnoPractices.map((p) => ({ city: p.city, text: p.summary })), () => 2)).toEqual([]);
    expect(misplaced(boostinnoContributions, () => 1)).toEqual([]);
    expect([boostinnoPractices.length, boostinnoContributions.length]).toEqual([23, 22]);
  });
});

describe("doc 001's TIMELINE", () => {
  it('gives each of the 39 actions the phase it is listed under (3 ideation, 10 design, 26 realisation)', () => {
    const text = document('001_634f33b6735a51f4.txt');
    const timeline = text.slice(text.indexOf('TOTAL ACTIONS'), text.indexOf('n°3 n°10 n°26'));
    // The page lists design (10), realisation (26), then ideation (3), each numbered from 1.
    const lists = timeline.split(/\n1\.\s+/).slice(1).map((list) => `1. ${list}`);
    const titles = (list: string) => [...list.matchAll(/(?:^|\n)\d+\.\s+([\s\S]*?)(?=\n\d+\.|$)/g)].map((m) => plain(m[1]!));
    const [design, realisation, ideation] = lists.map(titles);
    expect([ideation!.length, design!.length, realisation!.length]).toEqual([3, 10, 26]);
    const phaseOf = (title: string) => (ideation!.includes(plain(title)) ? 'ideation' : design!.includes(plain(title)) ? 'design' : realisation!.includes(plain(title)) ? 'realisation' : 'not listed');
    expect(torinoPlanActions.filter((a) => a.phase !== phaseOf(a.title)).map((a) => [a.title, a.phase, phaseOf(a.title)])).toEqual([]);
  });
});

describe("doc 003's Italian, kept as the originals", () => {
  const text = plain(document('003_0d81566a8b4d743c.txt'));
  const originals = [
    ...urbinclusionMeetings.flatMap((m) => [m.titleOriginal, m.descriptionOriginal, ...(m.learnings ?? []).map((l) => l.lessonOriginal)]),
    ...urbinclusionLearnings.map((l) => l.lessonOriginal),
  ].filter((original): original is string => original !== undefined);

  it('quotes each Italian title, description and lesson as doc 003 words it (4 + 1 + 26 + 15)', () => {
    expect(originals).toHaveLength(46);
    expect(originals.filter((original) => !text.includes(plain(original)))).toEqual([]);
  });
});

describe("doc 004's 12 guidelines", () => {
  it('gives each guideline the city the report shows it from, in the report\'s order', () => {
    const text = document('004_7f3ae0c3e8a72440.txt');
    const guidelines = text.slice(text.indexOf('12 GUIDELINES'));
    // Each guideline is a block "#n", its headline and example, closed by its city's name in capitals.
    const blocks = guidelines.split(/\n\s*#\d+\s*\n/).slice(1, 13);
    const cityOfBlock = (block: string) => block.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z ]{4,}$/.test(l)).at(-1);
    const from = interactiveCitiesLearnings.map((l) => cities[l.partner as keyof typeof cities].name.toUpperCase());
    expect(blocks.map(cityOfBlock)).toEqual(from);
  });
});
