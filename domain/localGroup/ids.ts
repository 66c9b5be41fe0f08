import { idFromKey } from '../shared/ids.js';

/**
 * A partner has one URBACT Local Group per network, so the group's id is derived from the
 * network and the city: forming it twice targets the same stream, and the second attempt meets
 * the first (LOCAL_GROUP_ALREADY_FORMED, or a stream conflict when both race). The id has the
 * shape of a ULID so that it travels like every other aggregate id.
 */
export function localGroupIdOf(networkId: string, cityId: string): string {
  return idFromKey(`localgroup\n${networkId}\n${cityId}`, 0);
}
