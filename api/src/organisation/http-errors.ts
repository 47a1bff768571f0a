import { ConflictException, NotFoundException } from '@nestjs/common';

/** 409 naming the field that clashes, in the same shape as validation errors (`details`). */
export function conflictError(field: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, details: [{ field, message }] });
}

/** 409 for a request that contradicts the current state (no single field to blame). */
export function stateConflict(message: string, code: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code });
}

/** Objects outside the caller's organisation do not exist for the caller: the same answer as the access guard. */
export function notFound(): NotFoundException {
  return new NotFoundException('Hittades inte.');
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
