import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, Logger, ValidationError } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiError, FieldError } from '@kunna/contracts';
import { currentRequest } from '../database/request-context';

export function validationError(details: FieldError[], message = 'Uppgifterna är inte giltiga.'): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, details });
}

/** Flattens class-validator errors into `field: message` pairs with dotted paths for nested fields. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

const POSTGRES_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'Det finns redan en post med samma värde.' },
  '23503': { status: 409, message: 'Posten hänvisar till något som inte finns eller används av annat.' },
  '23514': { status: 400, message: 'Ett värde är utanför tillåtet intervall.' },
  '22P02': { status: 400, message: 'Ett värde har fel format.' },
  '22001': { status: 400, message: 'Ett värde är för långt.' },
  '22003': { status: 400, message: 'Ett tal är utanför tillåtet intervall.' },
  '22007': { status: 400, message: 'Ett datum har fel format.' },
  '22008': { status: 400, message: 'Ett datum är utanför tillåtet intervall.' },
};

/** Every error leaves as the same JSON shape; a stack trace never reaches the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const requestId = currentRequest()?.requestId;
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(
        JSON.stringify({ requestId, method: request.method, path: request.path, error: describe(exception) }),
      );
    }
    if (response.headersSent) return;
    if (body.statusCode === 429 && typeof (body as { retryAfterSeconds?: number }).retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String((body as { retryAfterSeconds?: number }).retryAfterSeconds));
    }
    response.status(body.statusCode).json({ ...body, requestId });
  }

  private toBody(exception: unknown, request: Request): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null) {
        const record = payload as Record<string, unknown>;
        return {
          ...record,
          statusCode: status,
          error: typeof record['error'] === 'string' ? record['error'] : reasonPhrase(status),
          message: Array.isArray(record['message']) ? (record['message'] as string[]).join('; ') : String(record['message'] ?? exception.message),
        };
      }
      return { statusCode: status, error: reasonPhrase(status), message: String(payload) };
    }
    const errorRecord = exception as { code?: string; type?: string; status?: number; statusCode?: number };
    // body-parser errors (malformed JSON, too large) carry an HTTP status of their own.
    const parserStatus = errorRecord?.status ?? errorRecord?.statusCode;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const message =
        errorRecord.type === 'entity.too.large'
          ? 'Förfrågan är för stor.'
          : errorRecord.type === 'entity.parse.failed'
            ? 'Förfrågan är inte giltig JSON.'
            : 'Förfrågan kunde inte läsas.';
      return { statusCode: parserStatus, error: reasonPhrase(parserStatus), message };
    }
    const known = errorRecord?.code ? POSTGRES_CLIENT_ERRORS[errorRecord.code] : undefined;
    if (known) return { statusCode: known.status, error: reasonPhrase(known.status), message: known.message };
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: 'Service Unavailable', message: 'Databasen svarar inte just nu. Försök igen om en stund.' };
    }
    void request;
    return { statusCode: 500, error: 'Internal Server Error', message: 'Något gick fel hos oss. Försök igen.' };
  }
}

/** "Not Found", "Too Many Requests": the same spelling Nest's own exceptions use (not the enum's NOT_FOUND). */
function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function isDatabaseUnavailable(exception: unknown): boolean {
  const code = (exception as { code?: string })?.code ?? '';
  const message = String((exception as { message?: string })?.message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|connection terminated/i.test(message)
  );
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}\n${exception.stack ?? ''}`;
  return String(exception);
}
