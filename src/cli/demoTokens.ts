/**
 * Bearer tokens for trying the demo data in GraphiQL, one per role:
 *   npm run demo-tokens
 * Signed with AUTH_JWT_SECRET (the development secret when it is unset outside production),
 * valid for a year. Paste one into GraphiQL's Headers tab: {"Authorization": "Bearer <token>"}.
 */
import { pathToFileURL } from 'node:url';
import { BOOSTINNO_LEAD_EXPERT } from '../../seed/load/boostinno.js';
import type { Actor } from '../auth/actor.js';
import { mintToken } from '../auth/tokens.js';
import { ConfigError, loadConfig, type Config } from '../config.js';

export const DEMO_TOKEN_EXPIRY = '365d';

export interface DemoRole {
  readonly label: string;
  readonly what: string;
  /** Undefined for the public role: no token at all. */
  readonly actor?: Actor;
}

export const demoRoles: readonly DemoRole[] = [
  {
    label: 'secretariat',
    what: 'everything: every network, outcomes across networks, all mutations',
    actor: { subject: 'secretariat:demo', role: 'secretariat', name: 'URBACT secretariat (demo)', cityIds: [] },
  },
  {
    label: 'BoostInno lead expert',
    what: "BoostInno's journey, meetings, needs, local groups, marketplace (subject expert:peter-wolkowinski)",
    actor: { subject: BOOSTINNO_LEAD_EXPERT.subject, role: 'leadExpert', name: BOOSTINNO_LEAD_EXPERT.name, cityIds: [] },
  },
  {
    label: 'Torino coordinator',
    what: "Torino's needs, practices, plans and local groups; the journeys of Torino's networks (city torino-it)",
    actor: { subject: 'coordinator:torino', role: 'cityCoordinator', name: 'Torino coordinator (demo)', cityIds: ['torino-it'] },
  },
  {
    label: 'Gdańsk coordinator',
    what: "another city: Gdańsk's own records; BoostInno and CO4CITIES as a partner; not URBinclusion, and no writing Torino's records (city gdansk-pl)",
    actor: { subject: 'coordinator:gdansk', role: 'cityCoordinator', name: 'Gdańsk coordinator (demo)', cityIds: ['gdansk-pl'] },
  },
  {
    label: 'public',
    what: 'no token: networks, meeting agendas, the practice catalogue, public outcomes',
  },
];

export interface DemoToken extends DemoRole {
  readonly token?: string;
}

export async function mintDemoTokens(config: Config, expiresIn: string = DEMO_TOKEN_EXPIRY): Promise<DemoToken[]> {
  return Promise.all(
    demoRoles.map(async (role) => (role.actor ? { ...role, token: await mintToken(role.actor, config.jwtSecret, expiresIn) } : role)),
  );
}

/** The tokens as lines to print. */
export function formatDemoTokens(tokens: readonly DemoToken[], config: Config): string {
  const lines = [
    `Demo tokens (signed with ${config.jwtSecret === loadConfig({}).jwtSecret ? 'the development secret' : 'AUTH_JWT_SECRET'}, valid ${DEMO_TOKEN_EXPIRY}).`,
    'In GraphiQL, open Headers and paste {"Authorization": "Bearer <token>"}. Walkthrough: docs/demo.md',
    '',
  ];
  for (const t of tokens) {
    lines.push(`${t.label}: ${t.what}`);
    lines.push(t.token ? `  ${t.token}` : '  (send no Authorization header)');
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  (async () => {
    const config = loadConfig();
    console.log(formatDemoTokens(await mintDemoTokens(config), config));
  })().catch((error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
