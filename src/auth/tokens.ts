import { SignJWT, jwtVerify, errors } from 'jose';
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

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs an HS256 bearer token for an actor. */
export async function mintToken(actor: Actor, secret: string, expiresIn: string | number = '30d'): Promise<string> {
  return new SignJWT({
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
}

/** Verifies signature, issuer, audience and expiry, then reads the actor from the claims. */
export async function verifyToken(token: string, secret: string): Promise<Actor> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const claims = ClaimsSchema.parse(payload);
    return {
      subject: claims.sub,
      role: claims.role,
      ...(claims.name ? { name: claims.name } : {}),
      cityIds: claims.cities ?? [],
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is invalid');
  }
}
