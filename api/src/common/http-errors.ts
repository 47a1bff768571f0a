import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { ApiError } from '@kunna/contracts';

/** Objects the caller may not know about (or outside the caller's organisation): the same answer as the access guard. */
export function notFound(message = 'Hittades inte.'): NotFoundException {
  return new NotFoundException(message);
}

export function forbidden(message = 'Du har inte behörighet till detta.'): ForbiddenException {
  return new ForbiddenException(message);
}

/** 409 naming the field that clashes, in the same shape as validation errors (`details`). */
export function conflictError(field: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, details: [{ field, message }] });
}

/**
 * 409 for a request that contradicts the current state (no single field to blame), with a code the web client can act
 * on. `extra` points at the existing object (or names the state); its fields are declared in `ApiError`, whose schema
 * allows no others.
 */
export function stateConflict(
  message: string,
  code: string,
  extra: Pick<ApiError, 'details' | 'appointmentId' | 'qualificationId' | 'moduleId' | 'sharedModuleId' | 'assignmentId' | 'targetId' | 'status'> = {},
): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code, ...extra });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The PostgreSQL constraint a unique violation names, if the error is one. */
export function uniqueViolation(error: unknown): string | null {
  const record = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = record?.code ?? record?.driverError?.code;
  if (code !== '23505') return null;
  return record.constraint ?? record.driverError?.constraint ?? '';
}
