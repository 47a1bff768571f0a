import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator } from 'passport';

/** What a strategy decided: a user (success), or `false` with the strategy's reason (failure). */
export type PassportOutcome<U> = { user: U; info: unknown } | { user: false; info: unknown };

/**
 * This application's own passport, holding its sign-in strategies (`local`, `oidc`). Not the process-wide
 * `passport` singleton that @nestjs/passport's `AuthGuard` authenticates against: two Kunna applications in
 * one process (the two-process tests) would replace each other's strategies there, and one would check
 * passwords through the other's (possibly closed) database pool.
 */
@Injectable()
export class SignInPassport {
  readonly passport = new Authenticator();

  /**
   * Runs a strategy on the request: resolves with its outcome, or with `redirected` when the strategy answered
   * itself (OpenID Connect's redirect to the provider); a strategy's error rejects (Nest's exception filter
   * answers it, e.g. the lock-out's 429).
   */
  authenticate<U>(strategy: string, request: Request, response: Response): Promise<PassportOutcome<U> | 'redirected'> {
    return new Promise((resolve, reject) => {
      response.once('finish', () => resolve('redirected'));
      const middleware = this.passport.authenticate(strategy, { session: false }, (error: unknown, user: U | false, info: unknown) => {
        if (error) reject(error);
        else resolve(user ? { user, info } : { user: false, info });
      }) as (request: Request, response: Response, next: (error?: unknown) => void) => void;
      middleware(request, response, (error?: unknown) => reject(error ?? new Error(`passport strategy ${strategy} ended without an outcome`)));
    });
  }
}
