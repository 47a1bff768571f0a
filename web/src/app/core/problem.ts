import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, FieldError } from '@kunna/contracts';
import { TranslationKey } from '../i18n/i18n';

/** What went wrong with a call, in a form templates can show. */
export interface Problem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The server's own message, when it sent one. */
  serverMessage: string | null;
  /** A machine-readable code some errors carry (`lockedOut`, `organisationRequired`). */
  code: string | null;
  /** Per-field problems of a validation error. */
  fields: FieldError[];
  retryAfterSeconds: number | null;
}

interface ApiErrorBody extends Partial<ApiError> {
  code?: string;
  retryAfterSeconds?: number;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = (typeof error.error === 'object' && error.error !== null ? error.error : {}) as ApiErrorBody;
    return {
      status: error.status,
      serverMessage: typeof body.message === 'string' && body.message ? body.message : null,
      code: typeof body.code === 'string' ? body.code : null,
      fields: Array.isArray(body.details) ? body.details : [],
      retryAfterSeconds: typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null,
    };
  }
  return { status: -1, serverMessage: null, code: null, fields: [], retryAfterSeconds: null };
}

/** The first server message for `field` (dotted paths for nested fields), if any. */
export function fieldMessage(problem: Problem | null, field: string): string | null {
  return problem?.fields.find((entry) => entry.field === field)?.message ?? null;
}

/** A fallback text for a problem without a useful server message. */
export function problemKey(problem: Problem): TranslationKey {
  if (problem.status === 0) return 'errors.network';
  if (problem.status === 403) return 'errors.forbidden';
  if (problem.status === 404) return 'errors.notFound';
  if (problem.status === 409) return 'errors.conflict';
  return 'errors.generic';
}

/** A problem found before sending: the same shape as the server's validation errors. */
export function localProblem(fields: FieldError[]): Problem {
  return { status: 400, serverMessage: null, code: null, fields, retryAfterSeconds: null };
}
