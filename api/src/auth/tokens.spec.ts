import { createHash } from 'node:crypto';
import { newReadableCode, newToken, normaliseCode, safeEqual, sha256 } from './tokens';

describe('tokens', () => {
  describe('newToken', () => {
    it('is URL-safe base64 of 32 random bytes by default (43 characters)', () => {
      const token = newToken();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    });

    it('honours the byte count', () => {
      expect(Buffer.from(newToken(24), 'base64url')).toHaveLength(24);
      expect(newToken(24)).toHaveLength(32);
    });

    it('does not repeat', () => {
      const tokens = new Set(Array.from({ length: 500 }, () => newToken()));
      expect(tokens.size).toBe(500);
    });
  });

  describe('sha256', () => {
    it('is the lower-case hex SHA-256 of the UTF-8 text', () => {
      expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(sha256('åäö')).toBe(createHash('sha256').update(Buffer.from('åäö', 'utf8')).digest('hex'));
    });
  });

  describe('safeEqual', () => {
    it('is true only for identical strings', () => {
      expect(safeEqual('same-token', 'same-token')).toBe(true);
      expect(safeEqual('same-token', 'same-tokeN')).toBe(false);
      expect(safeEqual('', 'x')).toBe(false);
    });

    it('handles different lengths without throwing', () => {
      expect(safeEqual('short', 'a-much-longer-token')).toBe(false);
      expect(safeEqual('a-much-longer-token', 'short')).toBe(false);
    });

    it('compares bytes: strings of equal length in characters but not in bytes differ', () => {
      expect(safeEqual('å', 'a')).toBe(false);
    });
  });

  describe('newReadableCode', () => {
    it('is two groups of five characters without look-alikes (0/O, 1/I/L)', () => {
      for (let i = 0; i < 200; i++) {
        const code = newReadableCode();
        expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
        expect(code).not.toMatch(/[01OIL]/);
      }
    });

    it('does not repeat', () => {
      const codes = new Set(Array.from({ length: 500 }, () => newReadableCode()));
      expect(codes.size).toBe(500);
    });

    it('uses the whole alphabet', () => {
      const seen = new Set(Array.from({ length: 400 }, () => newReadableCode().replace('-', '')).join(''));
      expect(seen.size).toBe('ABCDEFGHJKMNPQRSTUVWXYZ23456789'.length);
    });
  });

  describe('normaliseCode', () => {
    it('ignores case, spaces and dashes so a code typed from paper matches', () => {
      expect(normaliseCode('abcde-fghjk')).toBe('ABCDEFGHJK');
      expect(normaliseCode(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
      expect(normaliseCode('ab-cd-ef')).toBe('ABCDEF');
    });

    it('a generated code survives normalisation unchanged apart from the dash', () => {
      const code = newReadableCode();
      expect(normaliseCode(code.toLowerCase())).toBe(code.replace('-', ''));
    });
  });
});
