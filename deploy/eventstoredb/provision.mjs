// One-shot set-up of EventStoreDB for the ledger (docker-compose.yml runs it before the API):
// creates the ledger's user, in no group (neither an admin nor an operator), sets its password,
// and grants it read access to $all, the one right beyond the default user-stream ACL it needs
// (the projections' subscription, the log's head and time travel read $all; only $admins may by
// default). Safe to run again: an existing user gets its password reset, the ACL is rewritten.
//
// Environment: EVENTSTORE_HTTP_URL (https://eventstore:2113), EVENTSTORE_ADMIN_PASSWORD,
// LEDGER_ESDB_USER (ledger), LEDGER_ESDB_PASSWORD, EVENTSTORE_CA_FILE (the cluster's CA
// certificate; NODE_EXTRA_CA_CERTS must name it too, for the HTTP calls).
import { EventStoreDBClient } from '@eventstore/db-client';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.error(`provision: ${name} is required`);
    process.exit(2);
  }
  return value;
};
const httpUrl = env('EVENTSTORE_HTTP_URL', 'https://eventstore:2113');
const adminPassword = env('EVENTSTORE_ADMIN_PASSWORD');
const user = env('LEDGER_ESDB_USER', 'ledger');
const password = env('LEDGER_ESDB_PASSWORD');
const caFile = env('EVENTSTORE_CA_FILE', '/certs/ca/ca.crt');
const admin = `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}`;

async function call(path, body) {
  return fetch(`${httpUrl}${path}`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const created = await call('/users', { loginName: user, fullName: 'Exchange Ledger API', groups: [], password });
if (created.status === 409) {
  const reset = await call(`/users/${encodeURIComponent(user)}/command/reset-password`, { newPassword: password });
  if (!reset.ok) throw new Error(`provision: resetting the password of ${user} failed: HTTP ${reset.status}`);
} else if (created.status !== 201) {
  throw new Error(`provision: creating the user ${user} failed: HTTP ${created.status} ${await created.text()}`);
}

const host = new URL(httpUrl).host;
const client = EventStoreDBClient.connectionString(
  `esdb://admin:${encodeURIComponent(adminPassword)}@${host}?tls=true&tlsCAFile=${encodeURIComponent(caFile)}`,
);
try {
  const { metadata } = await client.getStreamMetadata('$all');
  await client.setStreamMetadata('$all', {
    ...metadata,
    acl: {
      readRoles: [user, '$admins'],
      writeRoles: ['$admins'],
      deleteRoles: ['$admins'],
      metaReadRoles: ['$admins'],
      metaWriteRoles: ['$admins'],
    },
  });
} finally {
  await client.dispose();
}
console.log(`provision: user ${user} may read $all and write its own streams; it is not an admin.`);
