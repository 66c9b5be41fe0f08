/**
 * Mints a bearer token for local use:
 *   npm run token -- --role cityCoordinator --subject coordinator:torino --city torino-it
 * Signs with AUTH_JWT_SECRET (the development secret when unset outside production).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CityId, Subject } from '../../domain/shared/values.js';
import { roles } from '../auth/actor.js';
import { mintToken } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config.js';

const Args = z.object({
  role: z.enum(roles),
  subject: Subject,
  name: z.string().max(200).optional(),
  city: z.array(CityId).default([]),
  expires: z.string().regex(/^\d+[smhdwy]$/, 'like 30d or 12h').default('30d'),
});

export async function tokenCommand(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      subject: { type: 'string' },
      name: { type: 'string' },
      city: { type: 'string', multiple: true },
      expires: { type: 'string' },
    },
    strict: true,
  });
  const args = Args.parse(values);
  if (args.role === 'cityCoordinator' && args.city.length === 0) {
    throw new Error('a cityCoordinator token needs at least one --city (e.g. --city torino-it)');
  }
  const config = loadConfig();
  return mintToken(
    { subject: args.subject, role: args.role, cityIds: args.city, ...(args.name ? { name: args.name } : {}) },
    config.jwtSecret,
    args.expires,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  tokenCommand(process.argv.slice(2))
    .then((token) => console.log(token))
    .catch((error: unknown) => {
      if (error instanceof z.ZodError) {
        console.error(`Invalid arguments:\n${error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`);
        console.error('Usage: npm run token -- --role <secretariat|leadExpert|cityCoordinator|public> --subject <id> [--city <city-id>]... [--name <name>] [--expires 30d]');
      } else if (error instanceof ConfigError || error instanceof Error) {
        console.error(error.message);
      }
      process.exit(2);
    });
}
