import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import type { Secrets } from '../config/secrets';
import { newToken, safeEqual } from './tokens';

/**
 * A device where someone signed in before. Five wrong passwords from anywhere used to lock an account for everyone,
 * and thirty a whole workplace's address: anyone could keep a colleague or a care home out. A browser that has
 * signed a person in carries a signed cookie naming them; there, that person is exempt from the account and
 * address locks and only the device's own failures count (devices are shared at work, hence several people).
 */
export interface KnownDevice {
  /** Random per browser; the device's own failures are counted under it. */
  id: string;
  personIds: string[];
}

export const DEVICE_COOKIE_DAYS = 180;
/** People a shared device remembers; the least recent is forgotten first. */
const MAX_PEOPLE = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function deviceCookieName(config: Pick<AppConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-kunna_device' : 'kunna_device';
}

/** The device named by a valid, unexpired cookie; anything else (missing, altered, expired) is no device. */
export function readDevice(request: Request, config: Pick<AppConfig, 'secureCookies'>, secrets: Secrets, now = Date.now()): KnownDevice | null {
  const cookies = (request.cookies as Record<string, unknown> | undefined) ?? {};
  const value = cookies[deviceCookieName(config)];
  if (typeof value !== 'string' || value.length > 1000) return null;
  const parts = value.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return null;
  const [, id, people, expires, signature] = parts;
  if (!safeEqual(signature, secrets.mac('device', parts.slice(0, 4).join('.')))) return null;
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now) return null;
  const personIds = people.split('_').filter((personId) => UUID.test(personId));
  return { id, personIds };
}

/** The cookie value remembering `personId` on the device (a new device when there was none). */
export function rememberOnDevice(device: KnownDevice | null, personId: string, secrets: Secrets, now = Date.now()): string {
  const id = device?.id ?? newToken(16);
  const personIds = [personId, ...(device?.personIds ?? []).filter((known) => known !== personId)].slice(0, MAX_PEOPLE);
  const expires = Math.floor(now / 1000) + DEVICE_COOKIE_DAYS * 86400;
  const payload = `v1.${id}.${personIds.join('_')}.${expires}`;
  return `${payload}.${secrets.mac('device', payload)}`;
}

export function setDeviceCookie(response: Response, value: string, config: Pick<AppConfig, 'secureCookies'>): void {
  response.cookie(deviceCookieName(config), value, {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'strict',
    path: '/',
    maxAge: DEVICE_COOKIE_DAYS * 86400_000,
  });
}
