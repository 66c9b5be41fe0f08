import type { UseCase } from './useCase.js';
import * as actionPlan from './actionPlan.js';
import * as calendarFeed from './calendarFeed.js';
import * as dataSubject from './dataSubject.js';
import * as learningNeed from './learningNeed.js';
import * as localGroup from './localGroup.js';
import * as meeting from './meeting.js';
import * as network from './network.js';
import * as transfer from './transfer.js';
import * as marketplace from './marketplace.js';
import * as peerReview from './peerReview.js';
import * as practice from './practice.js';

/**
 * Every use case by name (the mutation's name): what the seed loader and any transport other than
 * GraphQL call. Each capability module adds its use cases here (one line each).
 */
const modules: Record<string, unknown>[] = [
  actionPlan,
  calendarFeed,
  dataSubject,
  learningNeed,
  localGroup,
  marketplace,
  meeting,
  network,
  peerReview,
  practice,
  transfer,
];

export const useCases: ReadonlyMap<string, UseCase> = new Map(
  modules.flatMap((module) =>
    Object.values(module)
      .filter((value): value is UseCase => typeof value === 'object' && value !== null && 'run' in value && 'input' in value)
      .map((useCase) => [useCase.name, useCase] as const),
  ),
);

/**
 * The stream categories of the aggregates the use cases run on: the streams the application owns
 * besides its technical ones (src/eventStore/ownedStreams.ts). Derived, so a new capability's
 * module line above is all it takes for a shared EventStoreDB to send its events.
 */
export const aggregateCategories: readonly string[] = [...new Set([...useCases.values()].map((useCase) => useCase.category))].sort();
