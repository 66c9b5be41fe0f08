/**
 * The five UIA Transfer Mechanism pilot networks (doc 000, "UIA Transfer Mechanism: five pilot
 * projects ready to take off!"), four cities each.
 *
 * Dates: the article gives "9 March" (approval by URBACT's Monitoring Committee) and "23 March"
 * (kick-off) without a year, and an "18-month journey". It places the proposal "in 2020", after
 * the UIA first-call projects closed, so the first 9 March after it is in 2021: the networks are
 * registered on 9 March 2021 and run from the kick-off, 23 March 2021, for 18 months. The year is
 * an inference, written down in docs/demo.md.
 *
 * Only CO4CITIES is named, and only its Lead Partner (Torino, the UIA city of Co-City) can be read
 * from the text: the others are recorded as partners. CO4CITIES' transfers of Co-City from Torino
 * to its three partners are started at the kick-off (stage Understand).
 */
import { uiaTransferMechanism, uiaTransferPilots } from '../data/index.js';
import type { LoadContext } from './network.js';
import { cityId, joinPartners, registerNetwork, written } from './network.js';
import { at, clip } from './values.js';

const PREFIX = 'seed:uia-tm';
export const UIA_TM_APPROVED_ON = '2021-03-09';
export const UIA_TM_KICK_OFF = '2021-03-23';
/** 18 months from the kick-off. */
export const UIA_TM_END = '2022-09-22';

export async function loadUiaPilots(ctx: LoadContext): Promise<{ networkIds: Record<string, string>; counts: Record<string, number> }> {
  const networkIds: Record<string, string> = {};
  let partners = 0;
  let transfers = 0;
  for (const pilot of uiaTransferPilots) {
    const prefix = `${PREFIX}:${pilot.key.replace(/^uia-tm-/, '')}`;
    const networkId = await registerNetwork(
      ctx,
      prefix,
      {
        name: pilot.name ?? clip(`UIA Transfer Mechanism pilot: ${pilot.theme}`, 200),
        kind: pilot.kind,
        theme: clip(pilot.theme, 300),
        topics: ['uia transfer mechanism', 'transfer of innovation'],
        startDate: UIA_TM_KICK_OFF,
        endDate: UIA_TM_END,
      },
      at(UIA_TM_APPROVED_ON),
    );
    networkIds[pilot.key] = networkId;
    await joinPartners(ctx, prefix, networkId, pilot.partners, at(UIA_TM_APPROVED_ON));
    partners += pilot.partners.length;
    if (pilot.uiaProject) {
      const source = pilot.partners.find((p) => p.role === 'leadPartner')!;
      for (const receiver of pilot.partners.filter((p) => p !== source)) {
        await ctx.client.mutate('startTransfer', `${prefix}:transfer:${receiver.city}`, at(UIA_TM_KICK_OFF), {
          networkId,
          sourceCityId: cityId(source.city),
          receivingCityId: cityId(receiver.city),
          practiceTitle: 'Co-City',
          date: UIA_TM_KICK_OFF,
        });
        transfers++;
      }
    }
  }
  ctx.log(
    `${uiaTransferMechanism.name}: ${uiaTransferPilots.length} pilot networks, ${partners} partners, ${transfers} transfers of Co-City (${written(ctx)})`,
  );
  return { networkIds, counts: { networks: uiaTransferPilots.length, partners, transfers } };
}
