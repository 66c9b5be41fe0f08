import { NotFoundError, RuleViolationError } from '../shared/errors.js';
import { isPartner, type NetworkPartner, type NetworkState, type ThematicGroup } from './decider.js';
import type { NetworkKind } from './events.js';

/**
 * The facts about a network that other aggregates (meetings, local groups, learning needs,
 * plans, transfers, peer reviews) decide on. The application layer (src/application/networkSnapshot.ts) loads the network and passes this snapshot in the command, so
 * those deciders stay pure (docs/conventions.md).
 */
export interface NetworkSnapshot {
  readonly networkId: string;
  readonly kind: NetworkKind;
  readonly closed: boolean;
  readonly startDate: string;
  readonly endDate: string;
  /** The current (active) partners, by city id. */
  readonly partners: Readonly<Record<string, NetworkPartner>>;
  /** The network's thematic groups by groupId (absent in snapshots built before groups existed). */
  readonly thematicGroups?: Readonly<Record<string, ThematicGroup>>;
}

/** The snapshot of a loaded network, or undefined when it was never registered. */
export function networkSnapshotOf(networkId: string, state: NetworkState): NetworkSnapshot | undefined {
  if (state.status === 'unregistered') return undefined;
  return {
    networkId,
    kind: state.kind!,
    closed: state.status === 'closed',
    startDate: state.startDate!,
    endDate: state.endDate!,
    partners: state.partners,
    thematicGroups: state.thematicGroups ?? {},
  };
}

/** The snapshot the use case passed, or NotFoundError when the network was never registered. */
export function requireNetwork(network: NetworkSnapshot | null | undefined, networkId: string): NetworkSnapshot {
  if (!network) throw new NotFoundError('Network', networkId);
  return network;
}


/**
 * An aggregate started in a network (a plan, a transfer): the network must be known and open, and
 * its first event records the network's id and kind (`facts`), which read models group by.
 */
export function startingIn(
  network: NetworkSnapshot | null | undefined,
  networkId: string,
): { readonly network: NetworkSnapshot; readonly facts: { readonly networkId: string; readonly networkKind: NetworkKind } } {
  const known = requireNetwork(network, networkId);
  requireNetworkOpen(known);
  return { network: known, facts: { networkId, networkKind: known.kind } };
}

/** No changes to anything of a closed network. */
export function requireNetworkOpen(network: NetworkSnapshot): void {
  if (network.closed) {
    throw new RuleViolationError('NETWORK_CLOSED', 'The network is closed: no more changes');
  }
}

/** The snapshot must be of the network the aggregate belongs to. */
export function requireSameNetwork(network: NetworkSnapshot, networkId: string): void {
  if (network.networkId !== networkId) {
    throw new RuleViolationError('NETWORK_MISMATCH', `This belongs to network ${networkId}, not ${network.networkId}`);
  }
}

/** The partner, or NOT_A_PARTNER. */
export function requirePartner(network: NetworkSnapshot, cityId: string, what: string): NetworkPartner {
  if (!isPartner(network, cityId)) {
    throw new RuleViolationError('NOT_A_PARTNER', `${what}: ${cityId} is not a partner of this network`);
  }
  return network.partners[cityId]!;
}

/** A period (dates as YYYY-MM-DD) must fall within the network's start and end dates. */
export function requireWithinNetworkDates(network: NetworkSnapshot, startDate: string, endDate: string, what: string): void {
  if (startDate < network.startDate || endDate > network.endDate) {
    const period = startDate === endDate ? startDate : `${startDate} to ${endDate}`;
    throw new RuleViolationError(
      'OUTSIDE_NETWORK_DATES',
      `${what} (${period}) must fall within the network's dates, ${network.startDate} to ${network.endDate}`,
    );
  }
}

/** A thematic group of the network that something names, or THEMATIC_GROUP_NOT_FOUND. */
export function requireThematicGroup(network: NetworkSnapshot, groupId: string): ThematicGroup {
  const group = network.thematicGroups?.[groupId];
  if (!group) {
    throw new RuleViolationError('THEMATIC_GROUP_NOT_FOUND', `The network has no thematic group ${groupId}`);
  }
  return group;
}
