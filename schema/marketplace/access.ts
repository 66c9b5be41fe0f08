import { findSession, sessionNetworkIds } from '../../projections/marketplace/queries.js';
import type { SessionRow } from '../../projections/marketplace/sessions.js';
import { sourceOf } from '../asOf.js';
import type { Context } from '../builder.js';

/** Who may read and run a marketplace session. */

type ScopeMap = Record<string, unknown>;

/**
 * Any one of several networks grants the given scopes: `{ a: n1, $any: { a: n2, $any: ... } }`.
 * (A scope map holds one value per scope, so several networks nest.)
 */
export function anyNetwork(networkIds: readonly string[], scopes: (networkId: string) => ScopeMap, base: ScopeMap = {}): ScopeMap {
  const [first, ...rest] = networkIds;
  if (first === undefined) return base;
  return { ...base, ...scopes(first), ...(rest.length ? { $any: anyNetwork(rest, scopes) } : {}) };
}

/** Who reads a session: the secretariat, its networks' lead experts and partner coordinators; everyone signed in for programme-wide sessions. */
export function sessionReaders(session: Pick<SessionRow, 'network_ids' | 'scope'> | undefined): ScopeMap {
  if (!session) return { secretariat: true };
  if (session.scope === 'programme') return { authenticated: true };
  return anyNetwork(sessionNetworkIds(session), (id) => ({ leadExpertOf: id, partnerOf: id }), { secretariat: true });
}

/** Who reads a post or a match: the readers of its session. */
export function readersOfSessionOf(row: { session_id: string }, context: Context): ScopeMap {
  return sessionReaders(findSession(sourceOf(row, context), row.session_id));
}

/** Who runs a session: the secretariat, or the lead expert of every network of it. */
export function sessionRunners(networkIds: readonly string[]): ScopeMap {
  if (networkIds.length === 0) return { secretariat: true };
  let all: ScopeMap = {};
  for (const id of [...networkIds].reverse()) all = { leadExpertOf: id, ...(Object.keys(all).length ? { $all: all } : {}) };
  return { secretariat: true, $all: all };
}
