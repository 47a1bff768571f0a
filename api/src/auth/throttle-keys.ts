import { normaliseIdentifier, SignInIdentifier } from './identifier';

/**
 * What the sign-in throttle counts under. These are the plain names; the database only ever holds their keyed hash
 * (AuthRepository, `Secrets.mac(THROTTLE_PURPOSE, …)`), so no e-mail, employee number or address is stored in clear.
 */
export const THROTTLE_PURPOSE = 'sign-in-throttle';

/** An e-mail names the same account in every organisation; an employee number is unique per organisation only. */
export function accountKey(typed: SignInIdentifier, organisationId: string | null): string {
  return `id:${typed.kind === 'email' ? '*' : (organisationId ?? '*')}:${typed.value.toLowerCase()}`;
}

export const personKey = (personId: string) => `person:${personId}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;
export const passwordChangeKey = (personId: string) => `password:${personId}`;
/** Wrong passwords typed to leave a kiosk tablet (api/src/kiosk) started by this person. */
export const kioskLeaveKey = (personId: string) => `kiosk-leave:${personId}`;

/** Every key that may count failures about this person: for their own copy of their data and for pseudonymisation. */
export function keysOfPerson(person: { id: string; organisationId: string; email: string | null; employeeNumber: string | null }): string[] {
  const keys = [personKey(person.id), passwordChangeKey(person.id), kioskLeaveKey(person.id)];
  if (person.email) keys.push(accountKey(normaliseIdentifier(person.email), null));
  if (person.employeeNumber) {
    const typed = normaliseIdentifier(person.employeeNumber);
    keys.push(accountKey(typed, person.organisationId), accountKey(typed, null));
  }
  return keys;
}
