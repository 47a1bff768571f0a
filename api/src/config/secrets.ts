import { createHash, createHmac } from 'node:crypto';

/** The shortest `KUNNA_SECRET` accepted (characters): at least 128 bits whatever the alphabet. */
export const MIN_SECRET_LENGTH = 32;

/**
 * Keyed hashes with Kunna's own secret: signed device cookies, sign-in throttle keys (no e-mail or employee
 * number is stored in clear). One key, separated per use by `purpose`.
 */
export class Secrets {
  constructor(private readonly key: Buffer) {}

  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(purpose).update('\u0000').update(value).digest('base64url');
  }
}

/**
 * `KUNNA_SECRET` when set. Otherwise derived from the database owner's password, like the application role's own
 * password (database/app-role.ts): every process with the same DATABASE_URL computes the same key, and the embedded
 * server's owner password is random per data folder. A database without an owner password (trusted local
 * connections) leaves only its address to derive from: fine for development and tests, not for production, hence
 * `weak`.
 */
export function resolveSecret(configured: string | null, ownerUrl: string): { key: Buffer; weak: boolean } {
  if (configured) return { key: createHash('sha256').update(`kunna-secret:${configured}`).digest(), weak: false };
  const parsed = new URL(ownerUrl);
  const password = decodeURIComponent(parsed.password);
  const source = password ? `password:${password}` : `address:${parsed.host}${parsed.pathname}`;
  return { key: createHash('sha256').update(`kunna-secret:${source}`).digest(), weak: !password };
}
