import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { ApiError } from '@kunna/contracts';

/** Objects the caller may not know about: the same answer as the access guard. */
export function notFound(message = 'Hittades inte.'): NotFoundException {
  return new NotFoundException(message);
}

export function forbidden(message = 'Du har inte behörighet till detta.'): ForbiddenException {
  return new ForbiddenException(message);
}

/**
 * 409 for a request that contradicts the current state, with a code the web client can act on. `extra` points at the
 * existing object (or names the state); its fields are declared in `ApiError`, whose schema allows no others.
 */
export function stateConflict(
  message: string,
  code: string,
  extra: Pick<ApiError, 'details' | 'appointmentId' | 'qualificationId' | 'moduleId' | 'sharedModuleId' | 'assignmentId' | 'targetId' | 'status'> = {},
): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code, ...extra });
}
