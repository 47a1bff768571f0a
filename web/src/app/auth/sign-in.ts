import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { ApiError, ApiRoutes, OrganisationSummary } from '@kunna/contracts';
import { api, Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { TranslatePipe } from '../i18n/i18n';

@Component({
  selector: 'k-sign-in',
  imports: [FormsModule, TranslatePipe, LanguagePicker],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.css',
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  /** `?orsak=idle` after an idle sign-out. */
  readonly orsak = input<string>();

  protected readonly organisations = toSignal(
    inject(HttpClient).get<OrganisationSummary[]>(api(ApiRoutes.auth.organisations)),
    { initialValue: [] },
  );
  protected identifier = '';
  protected password = '';
  protected organisationId = '';
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  /** The server's own message (lock-out, organisation needed); null means wrong credentials. */
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.failed.set(false);
    try {
      await this.session.signIn({
        identifier: this.identifier.trim(),
        password: this.password,
        ...(this.organisationId ? { organisationId: this.organisationId } : {}),
      });
      this.password = '';
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.error.set(messageOf(error));
      this.failed.set(true);
    } finally {
      this.busy.set(false);
    }
  }
}

function messageOf(error: unknown): string | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (error.status === 401) return null;
    if (body?.message) return body.message;
  }
  return null;
}
