import type { NextFunction, Request, Response } from 'express';
import { validationError } from './errors';

export const NUL_MESSAGE = 'Texten innehåller ett otillåtet tecken (NUL).';
export const NUL_CODE = 'nulCharacter';

/**
 * Where a NUL character (U+0000) sits in a parsed body or query, as the field path the validation errors use
 * (`marks.0.walkInName`), or null. PostgreSQL cannot store NUL in text and fails the whole statement, so every
 * value must be checked before it reaches a query; no form produces one. Walks without recursion: a deeply
 * nested body must not overflow the stack.
 */
export function findNulCharacter(value: unknown, root = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], join(path, String(i))]);
    } else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        // A NUL in a field name is named with it shown as U+FFFD (the error stays readable JSON text).
        if (key.includes('\u0000')) return join(path, key.replace(/\u0000/g, '\uFFFD'));
        stack.push([(current as Record<string, unknown>)[key], join(path, key)]);
      }
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function nulCharacterError(field: string) {
  return validationError([{ field, message: NUL_MESSAGE, code: NUL_CODE }]);
}

/** Express middleware after the body parsers: one check of every body and query string, for every route. */
export function refuseNulCharacters(request: Request, _response: Response, next: NextFunction): void {
  const field = findNulCharacter(request.body) ?? findNulCharacter(request.query);
  next(field === null ? undefined : nulCharacterError(field));
}
