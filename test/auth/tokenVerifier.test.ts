import { describe, expect, it } from 'vitest';
import { InvalidTokenError, mintToken, TokenVerifier, verifyTokenClaims, type VerifiedToken } from '../../src/auth/tokens.js';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const expert = { subject: 'expert:peter', role: 'leadExpert' as const, cityIds: [] };

/** The real verification, counted. */
function counted() {
  const calls: string[] = [];
  const verify = (token: string, key: string): Promise<VerifiedToken> => {
    calls.push(token);
    return verifyTokenClaims(token, key);
  };
  return { calls, verify };
}

describe('token verifier', () => {
  it('verifies a token once and answers its later requests from memory', async () => {
    const { calls, verify } = counted();
    const tokens = new TokenVerifier(secret, { verify });
    const token = await mintToken(expert, secret);
    const first = await tokens.verify(token);
    const second = await tokens.verify(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ subject: 'expert:peter', role: 'leadExpert' });
    expect(calls).toHaveLength(1);
  });

  it('verifies a token again once it has expired (the verification then refuses it)', async () => {
    let now = Date.now();
    const { calls, verify } = counted();
    const tokens = new TokenVerifier(secret, { verify, now: () => now });
    const token = await mintToken(expert, secret, '1h');
    await tokens.verify(token);
    now += 3600_000 - 5000;
    await tokens.verify(token);
    expect(calls).toHaveLength(1);
    now += 10_000;
    await tokens.verify(token);
    expect(calls).toHaveLength(2);
  });

  it('refuses a token whose signature was changed, even after the genuine one was remembered', async () => {
    const tokens = new TokenVerifier(secret);
    const token = await mintToken(expert, secret);
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(tokens.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(tokens.verify(await mintToken(expert, 'another-secret-of-at-least-thirty-two-chars'))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('remembers a bounded number of tokens, forgetting the oldest', async () => {
    const { calls, verify } = counted();
    const tokens = new TokenVerifier(secret, { verify, maxEntries: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((s) => mintToken({ ...expert, subject: `expert:${s}` }, secret)));
    for (const token of [a!, b!, c!, c!, b!, a!]) await tokens.verify(token);
    // a forgotten when c came; b and c remembered; a verified again.
    expect(calls).toEqual([a, b, c, a]);
  });
});
