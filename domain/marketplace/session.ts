import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { MarketplaceCommandOf } from './commands.js';
import type { MarketplaceEvent, SessionScope } from './events.js';
import { SESSION_CATEGORY } from './streams.js';

/**
 * The session itself (`marketplace-<sessionId>`): opened, then closed. Its stream holds two events,
 * so every command that must respect the session (a post, an answer) reads it for nothing and
 * declares that it did: a close appended meanwhile refuses that command's append.
 */

/** What the session's commands, and its posts' and matches' commands, decide on. */
export interface SessionFacts {
  readonly status: 'none' | 'open' | 'closed';
  readonly scope?: SessionScope;
  readonly networkIds: readonly string[];
  readonly otherCountryOnly: boolean;
}

export type SessionCommand = MarketplaceCommandOf<'OpenSession' | 'CloseSession'>;

export const noSession: SessionFacts = { status: 'none', networkIds: [], otherCountryOnly: false };

export function requireSession(session: SessionFacts): void {
  if (session.status === 'none') throw new RuleViolationError('SESSION_NOT_FOUND', 'The marketplace session does not exist');
}

export function requireOpen(session: SessionFacts): void {
  requireSession(session);
  if (session.status === 'closed') throw new RuleViolationError('SESSION_CLOSED', 'The marketplace session is closed: no new offers, needs or matches');
}

export function decideSession(command: SessionCommand, session: SessionFacts): MarketplaceEvent[] {
  switch (command.type) {
    case 'OpenSession': {
      if (session.status !== 'none') throw new RuleViolationError('SESSION_ALREADY_OPENED', 'The session is already open');
      const { networks, ...data } = command.data;
      for (const networkId of data.networkIds) {
        const status = networks[networkId] ?? 'unregistered';
        if (status === 'unregistered') throw new RuleViolationError('NETWORK_NOT_FOUND', `There is no network ${networkId}`);
        if (status === 'closed') throw new RuleViolationError('NETWORK_CLOSED', `The network ${networkId} is closed`);
      }
      const scope: SessionScope = data.networkIds.length === 0 ? 'programme' : data.networkIds.length === 1 ? 'network' : 'crossNetwork';
      return [{ type: 'MarketplaceSessionOpened', data: { ...data, scope } }];
    }
    case 'CloseSession':
      requireOpen(session);
      return [{ type: 'MarketplaceSessionClosed', data: command.data }];
  }
}

/** The session's facts after one of its events (any other event leaves them as they are). */
export function evolveSession<S extends SessionFacts>(session: S, event: MarketplaceEvent): S {
  switch (event.type) {
    case 'MarketplaceSessionOpened':
      return { ...session, status: 'open', scope: event.data.scope, networkIds: event.data.networkIds, otherCountryOnly: event.data.otherCountryOnly };
    case 'MarketplaceSessionClosed':
      return { ...session, status: 'closed' };
    default:
      return session;
  }
}

export const sessionDecider: Decider<SessionCommand, MarketplaceEvent, SessionFacts> = {
  category: SESSION_CATEGORY,
  initialState: () => noSession,
  decide: decideSession,
  evolve: evolveSession,
};
