import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../database/request-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A calendar feed's URL carries its credential (calendar servers cannot sign in): logs, which operators and log
 * services read, get the path without it.
 */
const CREDENTIAL_IN_PATH = /^\/api\/calendar\/feed\/[^/]*/;

export function loggedPath(path: string): string {
  return path.replace(CREDENTIAL_IN_PATH, '/api/calendar/feed/[token]');
}

/** Gives every request an id (kept from X-Request-Id when well-formed), logs it as one JSON line when done. */
export function requestContextMiddleware(log: (line: string) => void) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const context = { requestId, ip: request.ip ?? null };
    response.on('finish', () => {
      if (!request.path.startsWith('/api')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = (context as { caller?: { personId: string } }).caller;
      log(
        JSON.stringify({
          level: response.statusCode >= 500 ? 'error' : 'info',
          time: new Date().toISOString(),
          requestId,
          method: request.method,
          path: loggedPath(request.path),
          status: response.statusCode,
          ms: Math.round(ms * 10) / 10,
          personId: caller?.personId,
        }),
      );
    });
    requestContext.run(context, () => next());
  };
}
