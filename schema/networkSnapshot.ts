import { networkDecider } from '../domain/network/decider.js';
import { networkSnapshotOf, type NetworkSnapshot } from '../domain/network/snapshot.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { NotFoundError } from '../domain/shared/errors.js';
import type { App } from '../src/app.js';

/**
 * The network facts other aggregates decide on, loaded from the network's stream (not from a read
 * model, so a command decides on the latest state). Null when the network was never registered.
 */
export async function findNetworkSnapshot(app: App, networkId: string): Promise<NetworkSnapshot | null> {
  const { state } = await app.commands.load(networkDecider, streamIdOf(networkDecider.category, networkId));
  return networkSnapshotOf(networkId, state) ?? null;
}

/** As findNetworkSnapshot, but a network that does not exist is a NotFoundError. */
export async function loadNetworkSnapshot(app: App, networkId: string): Promise<NetworkSnapshot> {
  const snapshot = await findNetworkSnapshot(app, networkId);
  if (!snapshot) throw new NotFoundError('Network', networkId);
  return snapshot;
}
