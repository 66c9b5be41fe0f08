import { JoinNetwork, RegisterNetwork, networkDecider } from '../domain/network/decider.js';
import type { App } from '../src/app.js';
import { systemActor } from '../src/auth/actor.js';

/** Networks the benchmarks seed through the command handler, as the system; each input is parsed as a request's would be. */

export function registerNetwork(app: App, input: unknown) {
  return app.commands.handle(
    networkDecider,
    { create: networkDecider.category },
    { type: 'RegisterNetwork', data: RegisterNetwork.parse(input) },
    { actor: systemActor },
  );
}

export function joinNetwork(app: App, streamId: string, input: unknown) {
  return app.commands.handle(networkDecider, streamId, { type: 'JoinNetwork', data: JoinNetwork.parse(input) }, { actor: systemActor });
}
