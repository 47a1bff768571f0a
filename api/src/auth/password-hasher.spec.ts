import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kunna/contracts';
import { ARGON2_OPTIONS, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  describe('check()', () => {
    it('requires at least 10 characters', () => {
      expect(PASSWORD_MIN_LENGTH).toBe(10);
      expect(PasswordHasher.check('')).toBe('tooShort');
      expect(PasswordHasher.check('Kx9-mwq7z')).toBe('tooShort');
      expect(PasswordHasher.check('Kx9-mwq7zp')).toBeNull();
    });

    it('allows at most 128 characters', () => {
      expect(PASSWORD_MAX_LENGTH).toBe(128);
      const ok = 'Ab3-'.repeat(32);
      expect(ok).toHaveLength(128);
      expect(PasswordHasher.check(ok)).toBeNull();
      expect(PasswordHasher.check(`${ok}x`)).toBe('tooLong');
    });

    it('counts characters, not UTF-16 units or bytes: 128 emoji are allowed, 129 are not', () => {
      const emoji = '🌷'.repeat(128);
      expect(emoji.length).toBe(256);
      expect(PasswordHasher.check(emoji)).toBeNull();
      expect(PasswordHasher.check(`${emoji}🌷`)).toBe('tooLong');
      expect(PasswordHasher.check('åäöåäöåäö')).toBe('tooShort');
      expect(PasswordHasher.check('åäöåäöåäöå')).toBeNull();
    });

    it('refuses common passwords whatever their case', () => {
      expect(PasswordHasher.check('password123')).toBe('tooCommon');
      expect(PasswordHasher.check('Lösenord123')).toBe('tooCommon');
      expect(PasswordHasher.check('QWERTYUIOP')).toBe('tooCommon');
      expect(PasswordHasher.check('Sommaren2025')).toBe('tooCommon');
      expect(PasswordHasher.check('Tallbacken-fika-9')).toBeNull();
    });
  });

  describe('hashing', () => {
    const hasher = new PasswordHasher();

    it('uses argon2id with OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
      // @node-rs/argon2: Algorithm.Argon2id === 2
      expect(ARGON2_OPTIONS).toEqual({ algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const hashed = await hasher.hash('Tallbacken-fika-9');
      expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    });

    it('verifies the right password and rejects a wrong one, salting each hash', async () => {
      const first = await hasher.hash('Tallbacken-fika-9');
      const second = await hasher.hash('Tallbacken-fika-9');
      expect(first).not.toBe(second);
      expect(await hasher.verify(first, 'Tallbacken-fika-9')).toBe(true);
      expect(await hasher.verify(second, 'Tallbacken-fika-9')).toBe(true);
      expect(await hasher.verify(first, 'tallbacken-fika-9')).toBe(false);
      expect(await hasher.verify(first, 'Tallbacken-fika-')).toBe(false);
    });

    it('never truncates: the whole 128-character password counts', async () => {
      const long = `${'x'.repeat(127)}Y`;
      const hashed = await hasher.hash(long);
      expect(await hasher.verify(hashed, long)).toBe(true);
      expect(await hasher.verify(hashed, long.slice(0, 127))).toBe(false);
      expect(await hasher.verify(hashed, `${'x'.repeat(127)}Z`)).toBe(false);
    });

    it('answers false (not an exception) for a malformed stored hash', async () => {
      expect(await hasher.verify('not-a-hash', 'whatever-password')).toBe(false);
      expect(await hasher.verify('', 'whatever-password')).toBe(false);
    });

    it('queues concurrent work instead of failing, and every result is right', async () => {
      const hashed = await hasher.hash('Tallbacken-fika-9');
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => hasher.verify(hashed, i % 2 === 0 ? 'Tallbacken-fika-9' : 'fel-lösenord-1')));
      expect(results).toEqual([true, false, true, false, true, false]);
    });
  });
});
