import { it } from 'vitest';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { deciderSpec } from './deciderSpec.js';

/** A translation as a "translate later" command takes it and its event records it. */
export interface TranslationGiven {
  readonly language: string;
  readonly text: string;
  readonly originalLanguage?: string;
}

/** What the scenarios of a text translated later need (see `translationScenarios`). */
export interface TranslatedLater<C, E> {
  /** The text, in the specs' words ("the title", "a lesson of the network"). */
  readonly what: string;
  /** A history where the text was written in Italian (`it`), with no translation. */
  readonly writtenInItalian: readonly E[];
  /** A history where the text was written with no language recorded (older events). */
  readonly writtenWithoutLanguage: readonly E[];
  /** The command that adds a translation of the text. */
  readonly translate: (translation: TranslationGiven) => C;
  /** The event that records it. */
  readonly translated: (translation: TranslationGiven) => E;
}

const english = { language: 'en', text: 'The English translation' };

/**
 * The rules every text translated later shares (shared/language.ts `decideTranslation`), one `it`
 * each: the translation is added with the original kept, replaces an earlier one into its language,
 * changes nothing when given again, is never in the original's language, and needs the original's
 * language, recorded or given, the same as any recorded. Called with the decider, then the text
 * (the decider fixes the command and event types the text's functions are checked against).
 */
export const translationScenarios = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) => (s: TranslatedLater<C, E>): void => {
  const spec = deciderSpec(decider);
  it(`adds a translation of ${s.what}, keeping the original`, () => {
    spec.given(s.writtenInItalian).when(s.translate(english)).then([s.translated(english)]);
  });

  it(`replaces an earlier translation of ${s.what} into the same language`, () => {
    const later = { language: 'en', text: 'A better English translation' };
    spec.given([...s.writtenInItalian, s.translated(english)]).when(s.translate(later)).then([s.translated(later)]);
  });

  it(`records nothing when the same translation of ${s.what} is given again`, () => {
    spec.given([...s.writtenInItalian, s.translated(english)]).when(s.translate(english)).thenNothing();
  });

  it(`refuses a translation of ${s.what} in its original language`, () => {
    spec.given(s.writtenInItalian).when(s.translate({ language: 'it', text: 'Lo stesso testo' })).thenFails('TRANSLATION_IN_ORIGINAL_LANGUAGE');
  });

  it(`refuses a translation of ${s.what} written with no language, unless the original's is given`, () => {
    spec.given(s.writtenWithoutLanguage).when(s.translate(english)).thenFails('ORIGINAL_LANGUAGE_MISSING');
  });

  it(`records the original's language given with the first translation of ${s.what} written with none`, () => {
    const italian = { language: 'it', text: 'La traduzione italiana', originalLanguage: 'en' };
    spec.given(s.writtenWithoutLanguage).when(s.translate(italian)).then([s.translated(italian)]);
  });

  it(`refuses an original's language for ${s.what} other than the recorded one`, () => {
    spec.given(s.writtenInItalian).when(s.translate({ ...english, originalLanguage: 'fr' })).thenFails('ORIGINAL_LANGUAGE_DIFFERS');
  });
};
