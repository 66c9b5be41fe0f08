import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { useTestApp, startTestApp, type TestApp } from '../support/testApp.js';

// Issue 13, items 7 to 10: tokens, the development secret, CORS and the response cache.

const secretariat = { subject: 'secretariat:probe', role: 'secretariat' as const, cityIds: [] };

/** A token signed with the server's secret, with the given time claims (seconds; undefined leaves the claim out). */
async function tokenWith(secret: string, claims: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'secretariat' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('secretariat:probe')
    .setIssuer('exchange-ledger')
    .setAudience('exchange-ledger-api');
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function ledgerWith(t: TestApp, authorization: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ ledger { store } }' }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
}

describe('bearer tokens', () => {
  const t = useTestApp();
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a well-formed token', async () => {
    const token = await tokenWith(t.app.config.jwtSecret, { iat: now(), exp: now() + 3600 });
    expect((await ledgerWith(t, `Bearer ${token}`)).status).toBe(200);
  });

  it.each([
    ['without exp (it would never expire)', () => ({ iat: now() })],
    ['without iat', () => ({ exp: now() + 3600 })],
    ['issued ten years ahead', () => ({ iat: now() + 10 * 365 * 86400, exp: now() + 11 * 365 * 86400 })],
    ['expiring a century ahead', () => ({ iat: now(), exp: now() + 100 * 365 * 86400 })],
  ])('refuses a token %s with 401', async (_name, claims) => {
    const token = await tokenWith(t.app.config.jwtSecret, claims());
    const { status, body } = await ledgerWith(t, `Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a header with anything after the token', async () => {
    const token = await tokenWith(t.app.config.jwtSecret, { iat: now(), exp: now() + 3600 });
    expect((await ledgerWith(t, `Bearer ${token} garbage`)).status).toBe(401);
  });

  it('refuses to mint a token living longer than tokens may', async () => {
    await expect(mintToken(secretariat, t.app.config.jwtSecret, '100y')).rejects.toThrow(/366 days/);
  });

  it('checks the token before the response cache answers: an expired token gets 401 for a query answered before', async () => {
    const shortLived = await tokenWith(t.app.config.jwtSecret, { iat: now() - 10, exp: now() + 2 });
    expect((await ledgerWith(t, `Bearer ${shortLived}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const { status, body } = await ledgerWith(t, `Bearer ${shortLived}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the development secret', () => {
  it('listens on loopback by default', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('is refused when the server would listen on other interfaces', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/AUTH_JWT_SECRET: required when HOST is not a loopback address/);
    expect(loadConfig({ HOST: '0.0.0.0', AUTH_JWT_SECRET: 'x'.repeat(32) }).developmentSecret).toBe(false);
    expect(loadConfig({ HOST: '::1' }).developmentSecret).toBe(true);
  });
});

describe('CORS', () => {
  const preflight = (t: TestApp, origin: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
  const post = (t: TestApp, origin: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ledger { store } }' }),
    });

  it('allows no origin by default, and never credentials', async () => {
    const t = await startTestApp();
    try {
      for (const response of [await preflight(t, 'https://evil.example'), await post(t, 'https://evil.example')]) {
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      }
    } finally {
      await t.close();
    }
  });

  it('allows the configured origins only', async () => {
    const t = await startTestApp({ CORS_ORIGINS: 'https://app.urbact.example, https://admin.urbact.example' });
    try {
      expect((await preflight(t, 'https://app.urbact.example')).headers.get('access-control-allow-origin')).toBe('https://app.urbact.example');
      expect((await post(t, 'https://admin.urbact.example')).headers.get('access-control-allow-origin')).toBe('https://admin.urbact.example');
      const evil = await post(t, 'https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
