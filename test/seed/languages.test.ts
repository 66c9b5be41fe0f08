import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoData } from './demoData.js';

/**
 * Every text of the demo data that carries a language (meeting titles and descriptions, lessons of
 * meetings and of networks, plan actions' titles and summaries) carries the one the documents write
 * it in: Italian (doc 003's Italian passages) as the original with its English marked as a
 * translation, English as `en` with no translation.
 */

const { id, query } = useDemoData();

interface Translation {
  text: string;
  language: string;
}

type Kind = 'meeting title' | 'description' | 'lesson' | 'network lesson' | 'action title' | 'summary';

/** One loaded text with its language, named for the failure message. */
interface LoadedText {
  network: string;
  kind: Kind;
  what: string;
  text: string;
  language: string | null;
  translations: Translation[];
}

const TEXT = (name: string) => `${name} ${name}Language ${name}Translations { text language }`;

/** Every meeting text and meeting lesson of a network. */
async function meetingTexts(networkKey: string): Promise<LoadedText[]> {
  const data = await query(
    `query($id: ID!) { meetings(networkId: $id, first: 15) { nodes { ${TEXT('title')} ${TEXT('description')}
      learnings(first: 12) { nodes { number ${TEXT('lesson')} } } } } }`,
    { id: id(networkKey) },
  );
  return data.meetings.nodes.flatMap((m: Record<string, any>) => [
    { network: networkKey, kind: 'meeting title', what: `title of ${m.title}`, text: m.title, language: m.titleLanguage, translations: m.titleTranslations },
    ...(m.description ? [{ network: networkKey, kind: 'description', what: `description of ${m.title}`, text: m.description, language: m.descriptionLanguage, translations: m.descriptionTranslations }] : []),
    ...m.learnings.nodes.map((l: Record<string, any>) => ({ network: networkKey, kind: 'lesson', what: `lesson ${l.number} of ${m.title}`, text: l.lesson, language: l.lessonLanguage, translations: l.lessonTranslations })),
  ]);
}

async function networkLessons(networkKey: string): Promise<LoadedText[]> {
  const data = await query(`query($id: ID!) { network(id: $id) { lessons(first: 50) { nodes { number ${TEXT('lesson')} } } } }`, { id: id(networkKey) });
  return data.network.lessons.nodes.map((l: Record<string, any>) => ({
    network: networkKey,
    kind: 'network lesson',
    what: `${networkKey} network lesson ${l.number}`,
    text: l.lesson,
    language: l.lessonLanguage,
    translations: l.lessonTranslations,
  }));
}

async function actionTexts(networkKey: string): Promise<LoadedText[]> {
  const data = await query(
    `query($id: ID!) { actionPlan(networkId: $id, cityId: "torino-it") { actions(first: 100) { nodes { ${TEXT('title')} ${TEXT('summary')} } } } }`,
    { id: id(networkKey) },
  );
  return data.actionPlan.actions.nodes.flatMap((a: Record<string, any>) => [
    { network: networkKey, kind: 'action title', what: `title of action ${a.title}`, text: a.title, language: a.titleLanguage, translations: a.titleTranslations },
    { network: networkKey, kind: 'summary', what: `summary of action ${a.title}`, text: a.summary, language: a.summaryLanguage, translations: a.summaryTranslations },
  ]);
}

let texts: LoadedText[];
const italian = () => texts.filter((x) => x.language === 'it');

beforeAll(async () => {
  const networks = ['boostinno', 'urbinclusion', 'interactive-cities'];
  texts = [
    ...(await Promise.all(networks.map(meetingTexts))).flat(),
    ...(await Promise.all(['urbinclusion', 'interactive-cities'].map(networkLessons))).flat(),
    ...(await Promise.all(['boostinno', 'urbinclusion'].map(actionTexts))).flat(),
  ];
});

describe('demo data: every text in the language the documents write it in', () => {
  it('tags every loaded meeting title, description, lesson and plan action text with its language', () => {
    // Every one loaded: 37 meetings (13 + 13 + 11), 13 of them described, 66 lessons of meetings (2 + 48 + 16),
    // 27 of networks (15 + 12), 47 plan actions (39 + 8).
    const byKind = Object.fromEntries((['meeting title', 'description', 'lesson', 'network lesson', 'action title', 'summary'] as const).map((k) => [k, texts.filter((x) => x.kind === k).length]));
    expect(byKind).toEqual({ 'meeting title': 37, description: 13, lesson: 66, 'network lesson': 27, 'action title': 47, summary: 47 });
    expect(texts.filter((x) => x.language === null).map((x) => x.what)).toEqual([]);
    expect(new Set(texts.map((x) => x.language))).toEqual(new Set(['en', 'it']));
  });

  it('gives each Italian text its English as a translation, marked as such, and no English text a translation', () => {
    expect(italian().filter((x) => x.translations.length !== 1 || x.translations[0]!.language !== 'en').map((x) => x.what)).toEqual([]);
    expect(texts.filter((x) => x.language === 'en' && x.translations.length).map((x) => x.what)).toEqual([]);
  });

  it("keeps doc 003's Italian passages as the originals: 4 workshop titles, 1 description, 26 lessons of meetings, 15 of the network", () => {
    const count = (kind: Kind) => italian().filter((x) => x.kind === kind).length;
    expect([count('meeting title'), count('description'), count('lesson'), count('network lesson')]).toEqual([4, 1, 26, 15]);
    expect(new Set(italian().map((x) => x.network))).toEqual(new Set(['urbinclusion']));
  });

  it("records URBinclusion's first general highlight in Italian, with the document's own English version as its translation", () => {
    const first = texts.find((x) => x.what === 'urbinclusion network lesson 1')!;
    expect(first).toMatchObject({
      text: "La difficoltà a unire le azioni ostacola l'approccio integrato.",
      language: 'it',
      translations: [{ text: 'Difficulty in merging actions hinders the integrated approach.', language: 'en' }],
    });
  });

  it('records the Glasgow seminar\'s lessons in Italian and the Copenhagen meeting\'s in English, as doc 003 writes them', () => {
    const of = (title: string) => texts.filter((x) => x.kind === 'lesson' && x.what.endsWith(` of ${title}`));
    expect(of('Thematic seminar: social enterprises in a deprived neighbourhood').map((x) => x.language)).toEqual(['it', 'it', 'it']);
    expect(of('Thematic seminar: social enterprises in a deprived neighbourhood')[0]!.text).toMatch(/^L'esperienza di Glasgow permette di comprendere/);
    expect(new Set(of('1st Transnational Meeting').map((x) => x.language))).toEqual(new Set(['en']));
  });

  it('records the Turin-Baltimore workshop title in English, as doc 003 gives it, and its description in Italian', () => {
    const title = texts.find((x) => x.kind === 'meeting title' && x.text === 'Social inclusion experiences in Turin and Baltimore')!;
    expect(title).toMatchObject({ language: 'en', translations: [] });
    const description = texts.find((x) => x.what === 'description of Social inclusion experiences in Turin and Baltimore')!;
    expect(description).toMatchObject({ language: 'it', translations: [{ language: 'en' }] });
    expect(description.text).toMatch(/^L'incontro è stato parte di uno scambio di esperienze tra le città di Torino e Baltimora/);
  });

  it("records Torino's plan actions (doc 001, in English) and the implementation framework's (named in English in doc 003) as English", () => {
    const actions = texts.filter((x) => x.kind === 'action title' || x.kind === 'summary');
    expect(actions).toHaveLength(2 * (39 + 8));
    expect(new Set(actions.map((x) => x.language))).toEqual(new Set(['en']));
  });
});
