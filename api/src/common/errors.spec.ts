import { ArgumentsHost, BadRequestException, ForbiddenException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { requestContext } from '../database/request-context';
import type { Request, Response } from 'express';
import { ApiExceptionFilter, bodyParserErrors, flattenValidationErrors, isDatabaseUnavailable, isPoolBusy, validationError } from './errors';

interface Captured {
  status?: number;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

function run(exception: unknown, options: { headersSent?: boolean; requestId?: string; acceptLanguage?: string; callerLanguage?: 'sv' | 'en' } = {}): Captured {
  const captured: Captured = { headers: {} };
  const response = {
    headersSent: options.headersSent ?? false,
    setHeader: (name: string, value: string) => {
      captured.headers[name.toLowerCase()] = value;
    },
    vary: (field: string) => {
      captured.headers['vary'] = field;
    },
    status(code: number) {
      captured.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      captured.body = body;
      return this;
    },
  };
  const request = {
    method: 'POST',
    path: '/api/test',
    header: (name: string) => (name.toLowerCase() === 'accept-language' ? options.acceptLanguage : undefined),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  const filter = new ApiExceptionFilter();
  if (options.requestId || options.callerLanguage) {
    const caller = options.callerLanguage
      ? { personId: 'p', organisationId: 'o', networkId: 'n', sessionId: 's', csrfToken: 'c', grants: [], preferredLanguage: options.callerLanguage }
      : undefined;
    requestContext.run({ requestId: options.requestId ?? 'r', ip: null, caller }, () => filter.catch(exception, host));
  } else {
    filter.catch(exception, host);
  }
  return captured;
}

/** A body-parser error as express.json() raises it. */
function parserError(status: number, type: string): Error {
  return Object.assign(new Error(`${type} from body-parser`), { status, statusCode: status, type, expose: true });
}

function pgError(code: string, message = 'database said no'): Error {
  return Object.assign(new Error(message), { code, detail: 'Key (email)=(x@example.se) already exists.' });
}

describe('ApiExceptionFilter', () => {
  let logError: jest.SpyInstance;
  beforeEach(() => {
    logError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logError.mockRestore());

  describe('HTTP exceptions', () => {
    it('keeps the status, message and extra fields of an object payload, with the code of each message', () => {
      const out = run(validationError([{ field: 'email', message: 'Ange en giltig e-postadress.' }]));
      expect(out.status).toBe(400);
      expect(out.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Uppgifterna är inte giltiga.',
        messageCode: 'common.detailsNotValid',
        details: [{ field: 'email', message: 'Ange en giltig e-postadress.', messageCode: 'common.enterValidEMailAddress' }],
      });
    });

    it("joins Nest's array messages into one string", () => {
      const out = run(new BadRequestException(['first problem', 'second problem']));
      expect(out.body?.['message']).toBe('first problem; second problem');
      expect(out.status).toBe(400);
    });

    it('answers a plain string payload in the same shape', () => {
      const out = run(new HttpException('Nope', 418));
      expect(out).toMatchObject({ status: 418, body: { statusCode: 418, error: "I'm a Teapot", message: 'Nope' } });
    });

    it('fills in the error name (reason phrase) from the status when missing', () => {
      const out = run(new ForbiddenException({ message: 'Ogiltig CSRF-token.', code: 'csrf' }));
      expect(out.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: 'Ogiltig CSRF-token.', code: 'csrf' });
      expect(run(new NotFoundException('Hittades inte.')).body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });

    it('sets Retry-After on a 429 that says when to retry', () => {
      const out = run(new HttpException({ statusCode: 429, message: 'För många försök.', retryAfterSeconds: 900 }, 429));
      expect(out.status).toBe(429);
      expect(out.headers['retry-after']).toBe('900');
      expect(run(new HttpException('slow down', 429)).headers['retry-after']).toBeUndefined();
    });

    it('adds the request id so a user can quote it to support', () => {
      const out = run(new NotFoundException(), { requestId: 'req-123' });
      expect(out.body?.['requestId']).toBe('req-123');
    });

    it('writes nothing when the response has already started', () => {
      const out = run(new NotFoundException(), { headersSent: true });
      expect(out.status).toBeUndefined();
      expect(out.body).toBeUndefined();
    });
  });

  describe('body-parser errors', () => {
    it('maps malformed JSON to 400 with a Swedish message', () => {
      const out = run(parserError(400, 'entity.parse.failed'));
      expect(out.status).toBe(400);
      expect(out.body).toMatchObject({ statusCode: 400, message: 'Förfrågan är inte giltig JSON.' });
    });

    it('maps an oversize body to 413', () => {
      const out = run(parserError(413, 'entity.too.large'));
      expect(out.status).toBe(413);
      expect(out.body).toMatchObject({ statusCode: 413, message: 'Förfrågan är för stor.' });
    });

    it('maps other 4xx parser errors (charset, encoding) to their own status', () => {
      const out = run(parserError(415, 'charset.unsupported'));
      expect(out.status).toBe(415);
      expect(out.body).toMatchObject({ message: 'Förfrågan kunde inte läsas.' });
    });

    it('does not echo the parser message', () => {
      expect(JSON.stringify(run(parserError(400, 'entity.parse.failed')).body)).not.toContain('from body-parser');
    });
  });

  describe('PostgreSQL errors', () => {
    it.each([
      ['23505', 409],
      ['23503', 409],
      ['23514', 400],
      ['22P02', 400],
      ['22001', 400],
      ['22003', 400],
      ['22007', 400],
      ['22008', 400],
    ])('maps SQLSTATE %s to %d', (code, status) => {
      const out = run(pgError(code));
      expect(out.status).toBe(status);
      expect(out.body?.['statusCode']).toBe(status);
      expect(typeof out.body?.['message']).toBe('string');
    });

    it('never leaks the database detail (values of other rows) to the client', () => {
      const body = JSON.stringify(run(pgError('23505')).body);
      expect(body).not.toContain('x@example.se');
      expect(body).not.toContain('database said no');
    });

    it('answers 503 while the database is unreachable', () => {
      expect(run(pgError('ECONNREFUSED')).status).toBe(503);
      expect(run(pgError('57P01')).status).toBe(503);
      expect(run(new Error('timeout exceeded when trying to connect')).status).toBe(503);
    });
  });

  describe('unexpected errors', () => {
    it('answers 500 with a generic message, no stack, and logs the details server-side', () => {
      const error = new TypeError("Cannot read properties of undefined (reading 'secret')");
      const out = run(error);
      expect(out.status).toBe(500);
      expect(out.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Något gick fel hos oss. Försök igen.',
        messageCode: 'common.somethingWentWrongOnOurSide',
        requestId: undefined,
      });
      const text = JSON.stringify(out.body);
      expect(text).not.toContain('secret');
      expect(text).not.toContain('at ');
      expect(logError).toHaveBeenCalledTimes(1);
      expect(String(logError.mock.calls[0][0])).toContain('TypeError');
    });

    it('treats non-Error throwables and 5xx statuses as server errors', () => {
      expect(run('a string').status).toBe(500);
      expect(run(undefined).status).toBe(500);
      expect(run(Object.assign(new Error('x'), { status: 502 })).status).toBe(500);
    });

    it('does not log client errors as server errors', () => {
      run(new NotFoundException());
      run(parserError(400, 'entity.parse.failed'));
      expect(logError).not.toHaveBeenCalled();
    });
  });
});

describe('isDatabaseUnavailable and isPoolBusy', () => {
  it('recognises connection failures, connect timeouts and admin shutdowns, not ordinary SQL errors', () => {
    expect(isDatabaseUnavailable(pgError('ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // pg's own connect timeout (database/pool.ts): the server did not answer a new connection.
    expect(isDatabaseUnavailable(new Error('timeout expired'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('23505'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("tells a full pool (pg-pool's queue timeout) from a database that is down", () => {
    const queueTimeout = new Error('timeout exceeded when trying to connect');
    expect(isPoolBusy(queueTimeout)).toBe(true);
    expect(isDatabaseUnavailable(queueTimeout)).toBe(false);
    expect(isPoolBusy(new Error('timeout expired'))).toBe(false);
    expect(isPoolBusy(pgError('ECONNREFUSED'))).toBe(false);
  });

  it('answers both with 503: busy with Retry-After and its own message, down without', () => {
    const busy = run(new Error('timeout exceeded when trying to connect'), { acceptLanguage: 'en' });
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.body?.['message']).toBe('Kunna has many requests right now. Try again in a moment.');
    const down = run(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBeUndefined();
    expect(down.body?.['message']).toBe('Databasen svarar inte just nu. Försök igen om en stund.');
  });
});

describe('bodyParserErrors', () => {
  const pass = (error: unknown) => {
    let forwarded: unknown = 'nothing';
    bodyParserErrors(error, {} as Request, {} as Response, (next) => {
      forwarded = next;
    });
    return forwarded;
  };

  it('turns a JSON syntax error into a Swedish 400 before Nest would echo the parser message', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token } in JSON at position 10'), { status: 400, type: 'entity.parse.failed' });
    const forwarded = pass(syntax);
    expect(forwarded).toBeInstanceOf(HttpException);
    expect((forwarded as HttpException).getStatus()).toBe(400);
    expect((forwarded as HttpException).getResponse()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Förfrågan är inte giltig JSON.' });
  });

  it('turns a too large body into 413', () => {
    const forwarded = pass(parserError(413, 'entity.too.large')) as HttpException;
    expect(forwarded.getStatus()).toBe(413);
    expect(forwarded.getResponse()).toMatchObject({ error: 'Payload Too Large', message: 'Förfrågan är för stor.' });
  });

  it('passes other errors on unchanged', () => {
    const other = new Error('boom');
    expect(pass(other)).toBe(other);
    const serverSide = Object.assign(new Error('upstream'), { status: 502 });
    expect(pass(serverSide)).toBe(serverSide);
  });
});

describe('flattenValidationErrors', () => {
  it('gives dotted paths for nested fields and one entry per message', () => {
    const flat = flattenValidationErrors([
      { property: 'name', constraints: { isNotEmpty: 'Fyll i namn.' }, children: [] },
      {
        property: 'address',
        children: [{ property: 'postcode', constraints: { matches: 'Postnummer har fem siffror.' }, children: [] }],
      },
    ]);
    expect(flat).toEqual([
      { field: 'name', message: 'Fyll i namn.' },
      { field: 'address.postcode', message: 'Postnummer har fem siffror.' },
    ]);
  });
});

describe("flattenValidationErrors with class-validator's English defaults", () => {
  it('replaces them with plain Swedish, keeping the field', () => {
    const flat = flattenValidationErrors([
      { property: 'identifier', value: 12345, constraints: { isString: 'identifier must be a string' }, children: [] },
      { property: 'isAdmin', value: true, constraints: { whitelistValidation: 'property isAdmin should not exist' }, children: [] },
      { property: 'unitId', value: 'x', constraints: { isUuid: 'unitId must be a UUID' }, children: [] },
      { property: 'tags', value: [1], constraints: { isString: 'each value in tags must be a string' }, children: [] },
      { property: 'weird', value: 'x', constraints: { someCustomRule: 'weird failed someCustomRule' }, children: [] },
    ]);
    expect(flat).toEqual([
      { field: 'identifier', message: 'Ska vara text.' },
      { field: 'isAdmin', message: 'Fältet finns inte här. Ta bort det.' },
      { field: 'unitId', message: 'Har fel format.' },
      { field: 'tags', message: 'Ska vara text.' },
      { field: 'weird', message: 'Värdet är inte giltigt.' },
    ]);
  });

  it('says a missing value is missing, whichever constraint failed first', () => {
    const flat = flattenValidationErrors([
      { property: 'name', value: undefined, constraints: { maxLength: 'name must be shorter than or equal to 200 characters' }, children: [] },
    ]);
    expect(flat).toEqual([{ field: 'name', message: 'Fyll i fältet.' }]);
  });

  it('keeps a Swedish message the DTO gave', () => {
    const flat = flattenValidationErrors([{ property: 'name', value: undefined, constraints: { isNotEmpty: 'Fyll i namnet på enheten.' }, children: [] }]);
    expect(flat).toEqual([{ field: 'name', message: 'Fyll i namnet på enheten.' }]);
  });
});

describe('answers in the caller’s language', () => {
  let logError: jest.SpyInstance;
  beforeEach(() => {
    logError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logError.mockRestore());

  const invalid = () =>
    validationError([
      { field: 'email', message: 'Ange en giltig e-postadress.' },
      { field: 'x', message: 'Fältet finns inte här. Ta bort det.' },
    ]);

  it('answers in Swedish by default, saying so in Content-Language', () => {
    const out = run(invalid());
    expect(out.body).toMatchObject({
      message: 'Uppgifterna är inte giltiga.',
      details: [
        { field: 'email', message: 'Ange en giltig e-postadress.' },
        { field: 'x', message: 'Fältet finns inte här. Ta bort det.' },
      ],
    });
    expect(out.headers['content-language']).toBe('sv');
    expect(out.headers['vary']).toBe('Accept-Language');
  });

  it('translates the message and every field message when Accept-Language prefers English', () => {
    const out = run(invalid(), { acceptLanguage: 'en-GB,en;q=0.9,sv;q=0.5' });
    expect(out.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The details are not valid.',
      details: [
        { field: 'email', message: 'Enter a valid e-mail address.' },
        { field: 'x', message: 'This field does not belong here. Remove it.' },
      ],
    });
    expect(out.headers['content-language']).toBe('en');
  });

  it('follows the signed-in person’s preferred language when the request names neither language', () => {
    expect(run(new NotFoundException('Hittades inte.'), { callerLanguage: 'en' }).body?.['message']).toBe('Not found.');
    expect(run(new NotFoundException('Hittades inte.'), { callerLanguage: 'en', acceptLanguage: 'de-DE' }).body?.['message']).toBe('Not found.');
    // The page's language (sent by the web app) wins over the stored preference.
    expect(run(new NotFoundException('Hittades inte.'), { callerLanguage: 'en', acceptLanguage: 'sv' }).body?.['message']).toBe('Hittades inte.');
  });

  it('translates messages with values (lock-out minutes) and keeps extra fields', () => {
    const locked = new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'För många misslyckade inloggningar. Försök igen om 1 minut eller be din chef om en ny kod.',
        code: 'lockedOut',
        retryAfterSeconds: 60,
      },
      429,
    );
    const out = run(locked, { acceptLanguage: 'en' });
    expect(out.body).toMatchObject({ message: 'Too many failed sign-ins. Try again in 1 minute, or ask your manager for a new code.', code: 'lockedOut' });
    expect(out.headers['retry-after']).toBe('60');
  });

  it('translates server-side failures too, and leaves a message without a translation in Swedish', () => {
    expect(run(new Error('boom'), { acceptLanguage: 'en' }).body?.['message']).toBe('Something went wrong on our side. Try again.');
    expect(run(new ForbiddenException('Bara för testet.'), { acceptLanguage: 'en' }).body?.['message']).toBe('Bara för testet.');
  });
});
