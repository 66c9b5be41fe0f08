import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { erasedPlaceholder } from '../../domain/shared/personalData.js';
import type { KeyStore } from './keyStore.js';

/**
 * A personal value as the log holds it: AES-256-GCM with its data subject's key, the subject id
 * bound in as additional authenticated data (an envelope moved to another subject fails to open).
 */
export interface SealedValue {
  readonly sealed: 'aes-256-gcm';
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { sealed?: unknown }).sealed === 'aes-256-gcm' &&
    typeof (value as { subject?: unknown }).subject === 'string'
  );
}

export function seal(value: string, subjectId: string, key: Buffer): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    sealed: 'aes-256-gcm',
    subject: subjectId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The plain value, or the subject's placeholder once its key is gone. */
export function unseal(sealed: SealedValue, keys: Pick<KeyStore, 'keyOf'>): string {
  const key = keys.keyOf(sealed.subject);
  if (!key) return erasedPlaceholder(sealed.subject);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.subject));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
