import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API_PREFIX, ApiRoutes, CurrentUser, Role, SignInRequest } from '@kunna/contracts';

export const api = (path: string) => `/${API_PREFIX}/${path}`;

/** The signed-in person, as the server says. Nothing personal is kept in browser storage. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  readonly user = signal<CurrentUser | null>(null);
  readonly loaded = signal(false);
  readonly signedIn = computed(() => this.user() !== null);

  async load(): Promise<CurrentUser | null> {
    try {
      this.user.set(await firstValueFrom(this.http.get<CurrentUser>(api(ApiRoutes.auth.me))));
    } catch {
      this.user.set(null);
    }
    this.loaded.set(true);
    return this.user();
  }

  async signIn(request: SignInRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.http.post<CurrentUser>(api(ApiRoutes.auth.signIn), request));
    this.user.set(user);
    this.loaded.set(true);
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
  }

  hasRole(...roles: Role[]): boolean {
    const user = this.user();
    if (!user) return false;
    return roles.includes(Role.Staff) || user.roles.some((grant) => roles.includes(grant.role));
  }
}
