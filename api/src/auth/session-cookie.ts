import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** `__Host-` binds the cookie to this exact origin over HTTPS; plain HTTP (local use) cannot carry that prefix. */
export function sessionCookieName(config: Pick<AppConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-kunna_session' : 'kunna_session';
}

export function sessionCookieOptions(config: Pick<AppConfig, 'secureCookies' | 'sessionAbsoluteHours'>): CookieOptions {
  return {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'lax',
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600_000,
  };
}

export function readSessionToken(request: Request, config: Pick<AppConfig, 'secureCookies'>): string | null {
  const cookies = (request.cookies as Record<string, unknown> | undefined) ?? {};
  const token = cookies[sessionCookieName(config)];
  return typeof token === 'string' && token.length > 0 && token.length < 200 ? token : null;
}

export function setSessionCookie(response: Response, token: string, config: AppConfig): void {
  response.cookie(sessionCookieName(config), token, sessionCookieOptions(config));
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(config);
  void _maxAge;
  response.clearCookie(sessionCookieName(config), options);
}
