import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kunna/contracts';
import { COMMON_PASSWORDS } from './common-passwords';

/** OWASP's argon2id minimum: 19 MiB, two passes, one lane. */
// `Algorithm` is an ambient const enum (unusable under isolatedModules); 2 is its Argon2id.
export const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** At most this many hashes at once, so a burst of sign-ins queues instead of starving the server. */
const MAX_CONCURRENT_HASHES = 2;

@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  async hash(password: string): Promise<string> {
    return this.limited(() => hash(password, ARGON2_OPTIONS));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return this.limited(() => verify(passwordHash, password).catch(() => false));
  }

  /** Returns a message key when the password is unacceptable, or null. Never truncates. */
  static check(password: string): 'tooShort' | 'tooLong' | 'tooCommon' | null {
    if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
    if ([...password].length > PASSWORD_MAX_LENGTH) return 'tooLong';
    if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'tooCommon';
    return null;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT_HASHES) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
