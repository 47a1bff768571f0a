import { HttpException, HttpStatus, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { CurrentUser, OneTimeCredential, PasswordProblem, passwordProblemCode, SessionInfo, StaffLanguage, uiLanguageFor } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { validationError } from '../common/errors';
import { Db, tenantOf } from '../database/db';
import { Secrets } from '../config/secrets';
import { AuthRepository, SignInCandidate, ThrottlePolicy } from './auth.repository';
import { KnownDevice, rememberOnDevice } from './device-cookie';
import type { Caller } from './caller';
import { normaliseIdentifier } from './identifier';
import { accountKey, addressKey, deviceKey, kioskLeaveKey, passwordChangeKey, personKey } from './throttle-keys';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { newReadableCode, newToken, normaliseCode, sha256 } from './tokens';

/**
 * Failures against one account (typed identifier or person) and against one known device: from the fifth of a run
 * on, a delay that doubles from 1 minute up to 15, rather than a fixed 15-minute lock: someone who mistypes waits a
 * minute, a guesser gets a few tries an hour. A run is forgotten a day after it began, or at a successful sign-in.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { threshold: 5, firstLockSeconds: 60, maxLockSeconds: 15 * 60, memoryMinutes: 24 * 60 };
/**
 * Failures from one address, with the same delays. Far above the per-account limit: a whole workplace often
 * shares one address, and a few people mistyping must not lock out their colleagues.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = { ...ACCOUNT_THROTTLE, threshold: 30 };
/** Wrong current passwords at a signed-in device: only that person is affected, so a plain 15-minute lock. */
export const PASSWORD_CHANGE_THROTTLE: ThrottlePolicy = { threshold: 5, firstLockSeconds: 15 * 60, maxLockSeconds: 15 * 60, memoryMinutes: 15 };
/** People one e-mail may name across organisations that a sign-in checks the password against. */
const MAX_CANDIDATES = 5;
const ONE_TIME_CODE_HOURS = 72;
/** A kiosk tablet lasts a working day at most (and ends sooner after the usual idle timeout). */
const KIOSK_HOURS = 8;

export interface NewSession {
  token: string;
  caller: Caller;
  /** The device cookie's new value (device-cookie.ts), after a sign-in that proved the password. */
  device?: string;
}

export interface SignInClient {
  ip: string | null;
  userAgent: string | null;
  /** The device named by a valid device cookie, if the request carried one. */
  device?: KnownDevice | null;
}

@Injectable()
export class AuthService {
  /** Verified against when the identifier is unknown, so that costs as much as a wrong password (no enumeration by timing). */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly repository: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: Secrets,
  ) {}

  async signIn(identifier: string, password: string, organisationId: string | null, client: SignInClient): Promise<NewSession> {
    const typed = normaliseIdentifier(identifier);
    // An e-mail names the same account whichever organisation is chosen, so it has one counter (choosing an
    // organisation must not buy five more tries); an employee number is unique per organisation only.
    const account = accountKey(typed, organisationId);
    const address = client.ip ? addressKey(client.ip) : null;
    const candidates = typed.matchable ? (await this.repository.findSignInCandidates(typed.value, organisationId)).slice(0, MAX_CANDIDATES) : [];
    // Also per person: however the identifier is written (e-mail or employee number, any spelling the look-up
    // accepts), the tries against one person add up.
    const personKeys = candidates.map((candidate) => personKey(candidate.personId));
    // A device where one of these people signed in before answers only for its own failures (device-cookie.ts).
    const device = client.device ?? null;
    const knownDevice = device !== null && candidates.some((candidate) => device.personIds.includes(candidate.personId));
    const deviceCounter = device ? deviceKey(device.id) : null;
    const lockKeys = knownDevice ? [deviceCounter as string] : [account, ...personKeys, ...(address ? [address] : [])];
    const locked = await this.repository.lockedUntil(lockKeys);
    if (locked) throw this.lockedOut(locked);

    const matching = await this.matchingCandidates(candidates, password);
    if (matching.length > 1) {
      // The right password for an e-mail used in several organisations: the person must say which one.
      throw new HttpException(
        { statusCode: 400, error: 'Bad Request', message: 'Välj organisation för att logga in.', code: 'organisationRequired' },
        HttpStatus.BAD_REQUEST,
      );
    }
    if (matching.length === 0) {
      await this.repository.recordFailure([account, ...personKeys, ...(deviceCounter ? [deviceCounter] : [])], ACCOUNT_THROTTLE);
      if (address && !knownDevice) await this.repository.recordFailure([address], ADDRESS_THROTTLE);
      const only = candidates.length === 1 ? candidates[0] : null;
      await this.audit.record({
        action: 'auth.sign_in_failed',
        organisationId: only?.organisationId ?? null,
        actorPersonId: only?.personId ?? null,
        details: { reason: 'invalid' },
      });
      throw new UnauthorizedException('Fel inloggningsuppgifter.');
    }
    const candidate = matching[0];
    // Only the account's and device's counters: a success must not wipe the failures of everyone else behind the
    // same address.
    await this.repository.clearThrottle([account, personKey(candidate.personId), ...(deviceCounter ? [deviceCounter] : [])]);
    const session = await this.startSignedInSession(candidate.personId, candidate.organisationId, client, 'password');
    return { ...session, device: rememberOnDevice(device, candidate.personId, this.secrets) };
  }

  /** The session and audit entry of a sign-in whose identity is already proven (password, or single sign-on). */
  startSignedInSession(
    personId: string,
    organisationId: string,
    client: { ip: string | null; userAgent: string | null },
    method: 'password' | 'oidc',
  ): Promise<NewSession> {
    return this.db.transaction(
      async () => {
        const session = await this.startSession(personId, organisationId, client);
        await this.audit.record({
          action: 'auth.sign_in',
          organisationId,
          actorPersonId: personId,
          ...(method === 'oidc' ? { details: { method } } : {}),
        });
        return session;
      },
      { organisationId, personId },
    );
  }

  /**
   * The candidates the password opens (enabled accounts only). Always hashes at least once, so an unknown
   * identifier costs as much as a wrong password; an e-mail shared by several organisations is checked
   * against each (a handful at most), so ambiguity is only revealed to someone who knows a password.
   */
  private async matchingCandidates(candidates: SignInCandidate[], password: string): Promise<SignInCandidate[]> {
    if (candidates.length === 0) {
      await this.hasher.verify(await this.dummy(), password);
      return [];
    }
    const matching: SignInCandidate[] = [];
    for (const candidate of candidates) {
      const ok = await this.hasher.verify(candidate.passwordHash ?? (await this.dummy()), password);
      if (ok && candidate.passwordHash && !candidate.disabled) matching.push(candidate);
    }
    return matching;
  }

  /**
   * Redeems a one-time code (first sign-in or reset), sets the password and signs the person in. Runs outside the
   * request transaction (see AuthController): a wrong code counts towards the address's limit, shared with sign-in,
   * so codes cannot be guessed without limit. The code is consumed in the same transaction that sets the password:
   * a refused password leaves it usable.
   */
  async redeem(code: string, newPassword: string, client: SignInClient): Promise<NewSession> {
    const address = client.ip ? addressKey(client.ip) : null;
    if (address) {
      const locked = await this.repository.lockedUntil([address]);
      if (locked) throw this.codesLockedOut(locked);
    }
    const problem = PasswordHasher.check(newPassword);
    if (problem) throw passwordError(problem);
    const session = await this.db.transaction(async () => {
      const consumed = await this.repository.consumeOneTimeCode(sha256(normaliseCode(code)));
      if (!consumed) return null;
      // From here on the transaction acts for the code's person, within their organisation only.
      return this.db.transaction(
        async () => {
          // A refusal rolls the transaction back: the code stays usable for a better password.
          await this.refuseUnfitPassword(consumed.personId, newPassword, null);
          const passwordHash = await this.hasher.hash(newPassword);
          await this.repository.setPassword(consumed.personId, consumed.organisationId, passwordHash);
          await this.repository.revokeAllSessions(consumed.personId);
          await this.audit.record({
            action: consumed.purpose === 'password_reset' ? 'auth.password_reset' : 'auth.first_sign_in',
            organisationId: consumed.organisationId,
            actorPersonId: consumed.personId,
          });
          return this.startSession(consumed.personId, consumed.organisationId, client);
        },
        { organisationId: consumed.organisationId, personId: consumed.personId },
      );
    });
    if (!session) {
      if (address) await this.repository.recordFailure([address], ADDRESS_THROTTLE);
      throw new NotFoundException('Koden är ogiltig, redan använd eller har gått ut.');
    }
    return { ...session, device: rememberOnDevice(client.device ?? null, session.caller.personId, this.secrets) };
  }

  /**
   * Runs outside the request transaction (see AuthController) so a wrong current password still counts:
   * someone at an unattended signed-in device must not be able to guess the password without limit. The
   * change itself is one transaction.
   */
  async changePassword(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
    const throttleKey = passwordChangeKey(caller.personId);
    const locked = await this.repository.lockedUntil([throttleKey]);
    if (locked) throw this.passwordLockedOut(locked);
    const existing = await this.db.transaction(() => this.repository.passwordHash(caller.personId), tenantOf(caller));
    if (!existing || !(await this.hasher.verify(existing, currentPassword))) {
      await this.repository.recordFailure([throttleKey], PASSWORD_CHANGE_THROTTLE);
      await this.audit.record({ action: 'auth.password_change_failed', targetType: 'person', targetId: caller.personId });
      throw validationError([{ field: 'currentPassword', message: 'Nuvarande lösenord stämmer inte.' }]);
    }
    await this.db.transaction(() => this.refuseUnfitPassword(caller.personId, newPassword, currentPassword), tenantOf(caller));
    const hash = await this.hasher.hash(newPassword);
    await this.db.transaction(async () => {
      await this.repository.setPassword(caller.personId, caller.organisationId, hash);
      // Whoever knew the old password and signed in elsewhere is signed out; this device stays signed in.
      await this.repository.revokeOtherSessions(caller.personId, caller.sessionId);
      await this.repository.clearThrottle([throttleKey]);
      await this.audit.record({ action: 'auth.password_changed', targetType: 'person', targetId: caller.personId });
    }, tenantOf(caller));
  }

  /**
   * Refuses a new password that is too short or long, spaces only, common, easy to guess from the person's own
   * words, or the one they have now (`current` when typed, else compared with the stored hash).
   */
  private async refuseUnfitPassword(personId: string, newPassword: string, current: string | null): Promise<void> {
    const context = await this.repository.passwordContext(personId);
    const problem = context ? passwordProblem(newPassword, context) : PasswordHasher.check(newPassword);
    if (problem) throw passwordError(problem);
    const existing = current === null ? await this.repository.passwordHash(personId) : null;
    if (current !== null ? newPassword === current : existing !== null && (await this.hasher.verify(existing, newPassword))) {
      throw passwordError('reused');
    }
  }

  /** The person's own language, used at every sign-in and for the server's messages. Repeating it changes nothing. */
  async setLanguage(caller: Caller, language: StaffLanguage): Promise<CurrentUser> {
    if (await this.repository.setPreferredLanguage(caller.personId, language)) {
      await this.audit.record({ action: 'person.updated', targetType: 'person', targetId: caller.personId, details: { changed: ['preferredLanguage'] } });
    }
    return this.currentUser(caller);
  }

  /** Issued by a manager or admin to a person without e-mail, or as a password reset. Shown once. */
  async issueOneTimeCode(personId: string, organisationId: string, purpose: 'first_sign_in' | 'password_reset', issuer: Caller): Promise<OneTimeCredential> {
    const code = newReadableCode();
    const expiresAt = new Date(Date.now() + ONE_TIME_CODE_HOURS * 3600_000);
    await this.repository.createOneTimeCode({
      organisationId,
      personId,
      purpose,
      codeHash: sha256(normaliseCode(code)),
      expiresAt,
      createdBy: issuer.personId,
    });
    await this.audit.record({ action: `auth.code_issued`, targetType: 'person', targetId: personId, details: { purpose } });
    return { personId, code, url: `${this.config.publicUrl}/kod?c=${encodeURIComponent(code)}`, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Turns the caller's device into the locked kiosk of one check round (api/src/kiosk): a new session bound to the
   * round, while the caller's own session on this device ends (the device keeps only the kiosk credential). Leaving
   * needs the caller's password, so a person without one (single sign-on only) cannot start it.
   */
  async startKiosk(caller: Caller, roundId: string, client: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
    if (!(await this.repository.passwordHash(caller.personId))) {
      throw new HttpException(
        {
          statusCode: 409,
          error: 'Conflict',
          message: 'Surfplatteläget avslutas med ditt lösenord i Kunna, och du har inget. Be en administratör om en kod för att välja ett.',
          code: 'kioskNeedsPassword',
        },
        HttpStatus.CONFLICT,
      );
    }
    const hours = Math.min(KIOSK_HOURS, this.config.sessionAbsoluteHours);
    const session = await this.startSession(caller.personId, caller.organisationId, client, { roundId, hours });
    await this.repository.revokeSession(caller.sessionId, caller.personId);
    await this.audit.record({ action: 'checks.kiosk_started', targetType: 'check_round', targetId: roundId });
    return session;
  }

  /**
   * Leaves the kiosk with the password of the person who started it: the kiosk credential ends and they are signed
   * in again on this device. Runs outside the request transaction (see KioskController) so a wrong password counts
   * towards a lock, as when changing the password: whoever holds the tablet cannot guess without limit.
   */
  async leaveKiosk(caller: Caller, password: string, client: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
    const throttleKey = kioskLeaveKey(caller.personId);
    const locked = await this.repository.lockedUntil([throttleKey]);
    if (locked) throw this.passwordLockedOut(locked);
    const existing = await this.db.transaction(() => this.repository.passwordHash(caller.personId), tenantOf(caller));
    if (!existing || !(await this.hasher.verify(existing, password))) {
      await this.repository.recordFailure([throttleKey], PASSWORD_CHANGE_THROTTLE);
      await this.audit.record({
        action: 'checks.kiosk_leave_failed',
        targetType: 'check_round',
        ...(caller.kioskRoundId ? { targetId: caller.kioskRoundId } : {}),
      });
      throw validationError([
        { field: 'password', message: 'Lösenordet stämmer inte. Bara den som startade surfplatteläget kan avsluta det.', code: 'wrongPassword' },
      ]);
    }
    return this.db.transaction(async () => {
      await this.repository.revokeSession(caller.sessionId, caller.personId);
      await this.repository.clearThrottle([throttleKey]);
      await this.audit.record({ action: 'checks.kiosk_ended', targetType: 'check_round', ...(caller.kioskRoundId ? { targetId: caller.kioskRoundId } : {}) });
      const session = await this.startSession(caller.personId, caller.organisationId, client);
      await this.audit.record({ action: 'auth.sign_in', details: { method: 'kiosk' } });
      return session;
    }, tenantOf(caller));
  }

  async signOut(caller: Caller): Promise<void> {
    await this.repository.revokeSession(caller.sessionId, caller.personId);
    await this.audit.record({ action: 'auth.sign_out' });
  }

  /** Also right after sign-in, outside any request transaction: it runs in the caller's tenant either way. */
  async currentUser(caller: Caller): Promise<CurrentUser> {
    return this.db.transaction(async () => {
      const row = await this.repository.loadCaller(caller.personId);
      if (!row) throw new UnauthorizedException();
      const roles = await this.describeGrants(caller);
      return {
        ...row,
        roles,
        csrfToken: caller.csrfToken,
        idleTimeoutSeconds: this.config.sessionIdleMinutes * 60,
      };
    }, tenantOf(caller));
  }

  listSessions(caller: Caller): Promise<SessionInfo[]> {
    return this.repository.listSessions(caller.personId, caller.sessionId, this.config.sessionIdleMinutes);
  }

  async endSession(caller: Caller, publicId: string): Promise<void> {
    const id = await this.repository.findSessionIdByPrefix(caller.personId, publicId);
    if (!id) throw new NotFoundException('Sessionen finns inte.');
    await this.repository.revokeSession(id, caller.personId);
  }

  /** Resolves a session cookie to the caller, or null when the session is missing, ended or idle too long. */
  async resolveSession(token: string): Promise<Caller | null> {
    const id = sha256(token);
    const session = await this.repository.findLiveSession(id, this.config.sessionIdleMinutes);
    if (!session) return null;
    // The session names the tenant; the person's own rows are read within it (the guard then widens it
    // to the networks the caller coordinates).
    return this.db.transaction(
      async () => {
        const row = await this.repository.loadCaller(session.personId);
        if (!row) return null;
        await this.repository.touchSession(id);
        return {
          personId: row.personId,
          organisationId: row.organisationId,
          networkId: row.networkId,
          sessionId: id,
          csrfToken: session.csrfToken,
          grants: await this.repository.activeGrants(row.personId),
          preferredLanguage: uiLanguageFor(row.preferredLanguage),
          ...(session.kioskRoundId ? { kioskRoundId: session.kioskRoundId } : {}),
        };
      },
      { organisationId: session.organisationId, personId: session.personId },
    );
  }

  private async startSession(
    personId: string,
    organisationId: string,
    client: { ip: string | null; userAgent: string | null },
    kiosk?: { roundId: string; hours: number },
  ): Promise<NewSession> {
    const token = newToken();
    const id = sha256(token);
    const csrfToken = newToken(24);
    await this.repository.createSession({
      id,
      personId,
      organisationId,
      csrfToken,
      expiresAt: new Date(Date.now() + (kiosk?.hours ?? this.config.sessionAbsoluteHours) * 3600_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ...(kiosk ? { kioskRoundId: kiosk.roundId } : {}),
    });
    const row = await this.repository.loadCaller(personId);
    if (!row) throw new UnauthorizedException('Fel inloggningsuppgifter.');
    return {
      token,
      caller: {
        personId,
        organisationId,
        networkId: row.networkId,
        sessionId: id,
        csrfToken,
        grants: await this.repository.activeGrants(personId),
        preferredLanguage: uiLanguageFor(row.preferredLanguage),
        ...(kiosk ? { kioskRoundId: kiosk.roundId } : {}),
      },
    };
  }

  private describeGrants(caller: Caller) {
    return this.repository.describeGrants(caller.personId);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(newToken());
    return this.dummyHash;
  }

  private passwordLockedOut(until: Date): HttpException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `För många felaktiga försök med nuvarande lösenord. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
        code: 'lockedOut',
        retryAfterSeconds: minutes * 60,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private codesLockedOut(until: Date): HttpException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `För många felaktiga koder. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
        code: 'lockedOut',
        retryAfterSeconds: minutes * 60,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private lockedOut(until: Date): HttpException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `För många misslyckade inloggningar. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'} eller be din chef om en ny kod.`,
        code: 'lockedOut',
        retryAfterSeconds: minutes * 60,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Why a new password was refused, in plain Swedish (translated at the edge, common/messages.ts). */
export function passwordMessage(problem: PasswordProblem): string {
  switch (problem) {
    case 'tooShort':
      return 'Lösenordet måste ha minst 10 tecken.';
    case 'tooLong':
      return 'Lösenordet får ha högst 128 tecken.';
    case 'blank':
      return 'Lösenordet kan inte bara vara mellanslag. Använd bokstäver, siffror eller tecken.';
    case 'tooCommon':
      return 'Lösenordet är för vanligt. Välj ett annat.';
    case 'personal':
      return 'Lösenordet liknar ditt namn, din e-post, din arbetsplats eller Kunna. Välj något som inte handlar om dig eller jobbet.';
    case 'tooWeak':
      return 'Lösenordet är för lätt att gissa. Använd gärna tre eller fyra ord som inte hör ihop, till exempel Gröna-tallar-vid-sjön.';
    case 'reused':
      return 'Det nya lösenordet är samma som det du har nu. Välj ett nytt.';
  }
}

export function passwordError(problem: PasswordProblem) {
  return validationError([{ field: 'newPassword', message: passwordMessage(problem), code: passwordProblemCode(problem) }]);
}
