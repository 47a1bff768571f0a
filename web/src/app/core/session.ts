import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiRoutes, CurrentUser, RedeemCodeRequest, Role, SignInRequest } from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { api } from './api-client';

export { api } from './api-client';

/** The signed-in person, as the server says. Nothing personal is kept in browser storage. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  readonly user = signal<CurrentUser | null>(null);
  readonly loaded = signal(false);
  readonly signedIn = computed(() => this.user() !== null);
  /** Called on sign-out so feature state held outside components is dropped too. */
  private readonly forgetHooks = new Set<() => void>();

  async load(): Promise<CurrentUser | null> {
    try {
      this.begin(await firstValueFrom(this.http.get<CurrentUser>(api(ApiRoutes.auth.me))));
    } catch {
      this.user.set(null);
    }
    this.loaded.set(true);
    return this.user();
  }

  async signIn(request: SignInRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.http.post<CurrentUser>(api(ApiRoutes.auth.signIn), request));
    this.begin(user);
    return user;
  }

  /** Redeems a one-time code from a manager, sets the password and signs in. */
  async redeem(request: RedeemCodeRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.http.post<CurrentUser>(api(ApiRoutes.auth.redeem), request));
    this.begin(user);
    return user;
  }

  async signOut(reason?: 'idle'): Promise<void> {
    try {
      await firstValueFrom(this.http.post(api(ApiRoutes.auth.signOut), {}));
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
      this.user.set(await firstValueFrom(this.http.get<CurrentUser>(api(ApiRoutes.auth.me))));
    } catch {
      /* the interceptor handles an ended session */
    }
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
