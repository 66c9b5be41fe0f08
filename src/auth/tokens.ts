import { SignJWT, decodeJwt, jwtVerify, errors } from 'jose';
import { z } from 'zod';
import { roles, type Actor } from './actor.js';

const ISSUER = 'exchange-ledger';
const AUDIENCE = 'exchange-ledger-api';

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(roles),
  name: z.string().max(200).optional(),
  cities: z.array(z.string().min(1).max(200)).max(100).optional(),
});

/** The longest a token may live (exp - iat): a leaked token stops working within this. */
export const MAX_TOKEN_LIFETIME_SECONDS = 366 * 24 * 3600;
/** Clocks of the minting machine and this one may differ this much. */
const CLOCK_TOLERANCE_SECONDS = 60;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs an HS256 bearer token for an actor. */
export async function mintToken(actor: Actor, secret: string, expiresIn: string | number = '30d'): Promise<string> {
  const token = await new SignJWT({
    role: actor.role,
    ...(actor.name ? { name: actor.name } : {}),
    ...(actor.cityIds.length ? { cities: [...actor.cityIds] } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
  const { iat, exp } = decodeJwt(token);
  if (exp! - iat! > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidTokenError('Tokens may live at most 366 days');
  return token;
}

/** Verifies signature, issuer, audience, expiry, issue time and lifetime, then reads the actor from the claims. */
export async function verifyToken(token: string, secret: string): Promise<Actor> {
  return (await verifyTokenClaims(token, secret)).actor;
}

/** A verified token's actor, and when the token expires (ms since the epoch). */
export interface VerifiedToken {
  readonly actor: Actor;
  readonly expiresAt: number;
}

/** As verifyToken, with the token's expiry. */
export async function verifyTokenClaims(token: string, secret: string): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat'],
    });
    const { iat, exp } = payload as { iat: number; exp: number };
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('The token was issued in the future');
    if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidTokenError('The token lives longer than tokens may (366 days)');
    const claims = ClaimsSchema.parse(payload);
    return {
      actor: {
        subject: claims.sub,
        role: claims.role,
        ...(claims.name ? { name: claims.name } : {}),
        cityIds: claims.cities ?? [],
      },
      expiresAt: exp * 1000,
    };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is invalid');
  }
}

/** How many verified tokens a process remembers (the oldest is forgotten first). */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Verifies bearer tokens, remembering each verified token (the whole token, signature included)
 * until it expires: a client sends the same token with every request, and checking its HMAC
 * signature again each time was 6 % of a mutation's CPU. Only verified tokens are remembered; a
 * token changed in any character is another key, verified afresh.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly secret: string,
    private readonly options: {
      readonly maxEntries?: number;
      readonly now?: () => number;
      readonly verify?: (token: string, secret: string) => Promise<VerifiedToken>;
    } = {},
  ) {}

  async verify(token: string): Promise<Actor> {
    const now = (this.options.now ?? Date.now)();
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known.actor;
    if (known) this.verified.delete(token);
    const verified = await (this.options.verify ?? verifyTokenClaims)(token, this.secret);
    if (this.verified.size >= (this.options.maxEntries ?? VERIFIED_TOKENS_KEPT)) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
    return verified.actor;
  }
}
