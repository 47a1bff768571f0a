import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ApiRoutes,
  CurrentUser,
  KIOSK_REFUSED,
  KioskCredential,
  may,
  Permission,
  PermissionScope,
  RedeemCodeRequest,
  Role,
  SignInRequest,
} from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { ApiClient } from './api-client';

/**
 * The signed-in person, as the server says, or the locked kiosk this device has become (then there is no signed-in
 * person at all: the device holds only the kiosk credential). Nothing personal is kept in browser storage.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly client = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  readonly user = signal<CurrentUser | null>(null);
  readonly loaded = signal(false);
  readonly signedIn = computed(() => this.user() !== null);
  /** Set while this device is a locked kiosk (checks/kiosk.ts): every page but the kiosk leads there. */
  readonly kiosk = signal<KioskCredential | null>(null);
  /** Called on sign-out so feature state held outside components is dropped too. */
  private readonly forgetHooks = new Set<() => void>();

  async load(): Promise<CurrentUser | null> {
    try {
      this.begin(await this.client.call('GET', ApiRoutes.auth.me));
    } catch (error) {
      this.user.set(null);
      // The device is a kiosk tablet: the API refuses it everything but the kiosk's own routes.
      if (isKioskRefusal(error)) await this.loadKiosk();
    }
    this.loaded.set(true);
    return this.user();
  }

  private async loadKiosk(): Promise<void> {
    try {
      this.kiosk.set(await this.client.call('GET', ApiRoutes.kiosk.current));
    } catch {
      this.kiosk.set(null);
    }
  }

  /**
   * This device becomes the kiosk: the server has already ended the person's session here, so everything about
   * them is dropped before the kiosk shows.
   */
  async enterKiosk(credential: KioskCredential): Promise<void> {
    this.forget();
    this.kiosk.set(credential);
    this.loaded.set(true);
    await this.router.navigateByUrl('/surfplatta', { replaceUrl: true });
  }

  /** Leaves the kiosk with the password of the person who started it; they are signed in again here. */
  async leaveKiosk(password: string): Promise<void> {
    const user = await this.client.call('POST', ApiRoutes.kiosk.leave, { body: { password } });
    this.kiosk.set(null);
    this.begin(user);
    await this.router.navigateByUrl('/matningar', { replaceUrl: true });
  }

  /** The kiosk credential ended on the server (idle, or ended from the person's own account). */
  kioskEnded(): void {
    this.kiosk.set(null);
  }

  async signIn(request: SignInRequest): Promise<CurrentUser> {
    const user = await this.client.call('POST', ApiRoutes.auth.signIn, { body: request });
    this.begin(user);
    return user;
  }

  /** Redeems a one-time code from a manager, sets the password and signs in. */
  async redeem(request: RedeemCodeRequest): Promise<CurrentUser> {
    const user = await this.client.call('POST', ApiRoutes.auth.redeem, { body: request });
    this.begin(user);
    return user;
  }

  async signOut(reason?: 'idle'): Promise<void> {
    try {
      await this.client.call('POST', ApiRoutes.auth.signOut);
    } catch {
      /* the session may already be gone */
    }
    this.forget();
    await this.router.navigate(['/logga-in'], reason ? { queryParams: { orsak: reason } } : {});
  }

  /** Drops everything about the previous person (shared tablets). */
  forget(): void {
    this.user.set(null);
    for (const hook of this.forgetHooks) hook();
    void this.i18n.restoreDeviceLanguage();
  }

  /** Registers state to clear on sign-out; returns the unregister function. */
  onForget(hook: () => void): () => void {
    this.forgetHooks.add(hook);
    return () => this.forgetHooks.delete(hook);
  }

  /** Refreshes the signed-in person (after a change to their own profile). */
  async refresh(): Promise<void> {
    try {
      this.user.set(await this.client.call('GET', ApiRoutes.auth.me));
    } catch {
      /* the interceptor handles an ended session */
    }
  }

  /** The CSRF token of whatever this device holds: the signed-in session or the kiosk credential. */
  csrfToken(): string | null {
    return this.user()?.csrfToken ?? this.kiosk()?.csrfToken ?? null;
  }

  /**
   * Does the person hold `permission` (libs/contracts/src/permissions.ts) anywhere, or on `scope`? The same table the
   * API enforces: menus, pages and buttons follow it instead of lists of roles copied here.
   */
  may(permission: Permission, scope?: PermissionScope): boolean {
    const user = this.user();
    if (!user) return false;
    return may(user.roles, permission, scope && { organisationId: user.organisationId, networkId: user.networkId, ...scope });
  }

  hasRole(...roles: Role[]): boolean {
    const user = this.user();
    if (!user) return false;
    return roles.includes(Role.Staff) || user.roles.some((grant) => roles.includes(grant.role));
  }

  private begin(user: CurrentUser): void {
    this.user.set(user);
    this.loaded.set(true);
    // The person's own language applies while they are signed in, unless someone chose one on this device.
    void this.i18n.usePersonalLanguage(user.preferredLanguage);
  }
}

/** The API's answer to a kiosk credential on any route but the kiosk's (403 `kioskCredential`). */
export function isKioskRefusal(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 403 && (error.error as { code?: unknown } | null)?.code === KIOSK_REFUSED;
}
