import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './ledger.js';
import './network.js';
import './city.js';
import './actionPlan/index.js';
import './transfer.js';
import './meeting.js';
import './localGroup.js';
import './learningNeed.js';
import './journey.js';
import './practice.js';
import './marketplace/index.js';
import './outcomes/index.js';
import './peerReview.js';
import './communityMap.js';
import './calendarFeed.js';
import './dataSubject.js';

let schema: GraphQLSchema | undefined;

/** The whole API. Each capability's schema module registers its types on import above. */
export function buildSchema(): GraphQLSchema {
  schema ??= lexicographicSortSchema(builder.toSchema());
  return schema;
}
