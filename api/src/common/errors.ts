import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, Logger, ValidationError } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiError, FieldError } from '@kunna/contracts';
import { currentRequest, RequestAbandonedError } from '../database/request-context';
import { withMessageCodes } from './message-codes';
import { answerLanguage, localiseError } from './messages';
import { loggedPath } from './request-context.middleware';

/** The field message for an id that is not a UUID (a path, query or body id). */
export const MALFORMED_ID = 'Ska vara ett id (UUID).';

export function validationError(details: FieldError[], message = 'Uppgifterna är inte giltiga.'): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, details });
}

/** Flattens class-validator errors into `field: message` pairs with dotted paths for nested fields. */
export function flattenValidationErrors(errors: ValidationError[], parent = '', limit = Infinity): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    if (out.length >= limit) break;
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const english = isEnglishDefault(message, error.property);
      const missing = error.value === undefined || error.value === null || error.value === '';
      out.push({ field, message: english ? (missing && constraint !== 'whitelistValidation' ? 'Fyll i fältet.' : swedishDefault(constraint)) : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field, limit - out.length));
  }
  return out.slice(0, limit);
}

/**
 * class-validator's own messages ("identifier must be a string", "property x should not exist") are English;
 * a DTO without a message of its own gets a plain Swedish one for the constraint instead.
 */
const SWEDISH_DEFAULTS: Record<string, string> = {
  whitelistValidation: 'Fältet finns inte här. Ta bort det.',
  isDefined: 'Fältet saknas.',
  isNotEmpty: 'Fyll i fältet.',
  isString: 'Ska vara text.',
  isInt: 'Ska vara ett heltal.',
  isNumber: 'Ska vara ett tal.',
  isPositive: 'Ska vara större än noll.',
  min: 'Värdet är för litet.',
  max: 'Värdet är för stort.',
  isBoolean: 'Ska vara sant eller falskt.',
  isUuid: 'Har fel format.',
  isEmail: 'Ange en giltig e-postadress.',
  isIn: 'Värdet är inte ett av de tillåtna.',
  isEnum: 'Värdet är inte ett av de tillåtna.',
  isDateString: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  isIso8601: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  isISO8601: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  minLength: 'Texten är för kort.',
  maxLength: 'Texten är för lång.',
  length: 'Texten har fel längd.',
  matches: 'Har fel format.',
  isArray: 'Ska vara en lista.',
  arrayNotEmpty: 'Listan får inte vara tom.',
  arrayMinSize: 'Listan har för få värden.',
  arrayMaxSize: 'Listan har för många värden.',
  arrayUnique: 'Listan har dubbletter.',
  isObject: 'Har fel form.',
  nestedValidation: 'Har fel form.',
  unknownValue: 'Förfrågan har fel form.',
};

function isEnglishDefault(message: string, property: string | undefined): boolean {
  if (!property) return /^an unknown value was passed/i.test(message);
  return (
    message.startsWith(`${property} `) ||
    message.startsWith(`each value in ${property} `) ||
    message.startsWith(`nested property ${property} `) ||
    message === `property ${property} should not exist`
  );
}

export function swedishDefault(constraint: string): string {
  return SWEDISH_DEFAULTS[constraint] ?? 'Värdet är inte giltigt.';
}

const POSTGRES_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'Det finns redan en post med samma värde.' },
  '23503': { status: 409, message: 'Posten hänvisar till något som inte finns eller används av annat.' },
  '23514': { status: 400, message: 'Ett värde är utanför tillåtet intervall.' },
  '22P02': { status: 400, message: 'Ett värde har fel format.' },
  // A NUL character PostgreSQL cannot store: bodies, queries and path parameters are checked before (nul-characters.ts).
  '22021': { status: 400, message: 'Ett värde innehåller ett otillåtet tecken.' },
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
    if (exception instanceof RequestAbandonedError) {
      // Nobody is waiting for the answer and nothing was committed: not a server error.
      this.logger.debug(JSON.stringify({ requestId, method: request.method, path: loggedPath(request.path), abandoned: true }));
      return;
    }
    // The code is read from the Swedish text, before any translation.
    const body = withMessageCodes(this.toBody(exception, request));
    if (body.statusCode >= 500) {
      this.logger.error(JSON.stringify({ requestId, method: request.method, path: loggedPath(request.path), error: describe(exception) }));
    }
    if (response.headersSent) return;
    const language = answerLanguage(request.header('accept-language'), currentRequest()?.caller?.preferredLanguage);
    response.setHeader('Content-Language', language);
    response.vary('Accept-Language');
    if ((body.statusCode === 429 || body.statusCode === 503) && typeof (body as { retryAfterSeconds?: number }).retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String((body as { retryAfterSeconds?: number }).retryAfterSeconds));
    }
    response.status(body.statusCode).json({ ...localiseError(body, language), requestId });
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
    const errorRecord = exception as { code?: string };
    const parser = parserProblem(exception);
    if (parser) return parser;
    const known = errorRecord?.code ? POSTGRES_CLIENT_ERRORS[errorRecord.code] : undefined;
    if (known) return { statusCode: known.status, error: reasonPhrase(known.status), message: known.message };
    if (isPoolBusy(exception)) {
      const busy: ApiError & { retryAfterSeconds: number } = {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Kunna har många förfrågningar just nu. Försök igen om en stund.',
        retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      };
      return busy;
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: 'Service Unavailable', message: 'Databasen svarar inte just nu. Försök igen om en stund.' };
    }
    void request;
    return { statusCode: 500, error: 'Internal Server Error', message: 'Något gick fel hos oss. Försök igen.' };
  }
}

/** body-parser errors (malformed JSON, too large, bad charset) carry a 4xx status of their own. */
function parserProblem(exception: unknown): ApiError | null {
  const record = exception as { type?: string; status?: number; statusCode?: number } | null | undefined;
  const status = record?.status ?? record?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const message =
    record?.type === 'entity.too.large'
      ? 'Förfrågan är för stor.'
      : record?.type === 'entity.parse.failed'
        ? 'Förfrågan är inte giltig JSON.'
        : 'Förfrågan kunde inte läsas.';
  return { statusCode: status, error: reasonPhrase(status), message };
}

/**
 * Express error middleware placed right after the body parsers. Without it Nest turns a JSON syntax
 * error into a 400 carrying the parser's English message (with a position in the body); here every
 * parser error becomes the usual Swedish answer before Nest sees it.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: (error?: unknown) => void): void {
  const problem = parserProblem(error);
  next(problem ? new HttpException(problem, problem.statusCode) : error);
}

/** "Not Found", "Too Many Requests": the same spelling Nest's own exceptions use (not the enum's NOT_FOUND). */
function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Seconds a client is asked to wait (Retry-After) after a 503 "busy": a few requests' worth of the pool's queue. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * Every connection of the pool stayed busy for the whole queue wait (DATABASE_POOL_WAIT_MS, database/pool.ts): the
 * database is there, this process has more requests than connections. pg-pool's own message for its queue timeout; a
 * connection that could not be opened fails differently (below).
 */
export function isPoolBusy(exception: unknown): boolean {
  return String((exception as { message?: string })?.message ?? '') === 'timeout exceeded when trying to connect';
}

/**
 * The database is unreachable: refused or broken connections, a server shutting down, or a new connection that did not
 * open within the connect timeout (pg's "timeout expired", database/pool.ts).
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const code = (exception as { code?: string })?.code ?? '';
  const message = String((exception as { message?: string })?.message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code) ||
    message === 'timeout expired' ||
    /Connection terminated|connection terminated/i.test(message)
  );
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}\n${exception.stack ?? ''}`;
  return String(exception);
}
