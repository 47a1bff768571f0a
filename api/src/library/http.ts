import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';

/** Objects the caller may not know about: the same answer as the access guard. */
export function notFound(message = 'Hittades inte.'): NotFoundException {
  return new NotFoundException(message);
}

export function forbidden(message = 'Du har inte behörighet till detta.'): ForbiddenException {
  return new ForbiddenException(message);
}

/** 409 for a request that contradicts the current state, with a code the web client can act on. */
export function stateConflict(message: string, code: string, extra: Record<string, unknown> = {}): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code, ...extra });
}
