import { Component, ElementRef, effect, inject, input, signal, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ApiRoutes, CheckCodePreview, OrganisationSummary, SsoError } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { afterSignIn, checkCodeOf, tillQuery } from '../core/guards';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';

@Component({
  selector: 'k-sign-in',
  imports: [FormsModule, TranslatePipe, LanguagePicker, RouterLink],
  templateUrl: './sign-in.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './sign-in.css',
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly client = inject(ApiClient);
  /** `?orsak=idle` after an idle sign-out. */
  readonly orsak = input<string>();
  /** `?till=/m/KOD`: a check link opened while signed out. */
  readonly till = input<string>();
  /** `?sso=noMatch` and the like: single sign-on came back without a session. */
  readonly sso = input<string>();
  private readonly organisationSelect = viewChild<ElementRef<HTMLSelectElement>>('organisationSelect');

  protected readonly organisations = signal<OrganisationSummary[]>([]);
  protected identifier = '';
  protected password = '';
  protected organisationId = '';
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** The e-mail or number belongs to people in several organisations: the organisation must be chosen. */
  protected readonly organisationRequired = signal(false);
  protected readonly fieldMessage = fieldMessage;
  protected readonly tillQuery = tillQuery;
  /** The organisation's single sign-on, when this installation has one (GET auth/config). */
  protected readonly ssoOffered = signal(false);
  protected readonly ssoStart = this.client.link(ApiRoutes.auth.oidcStart);
  /** The check a QR link opened signed out is for (its title and workplace), or `missing` for a code that is not one. */
  protected readonly check = signal<CheckCodePreview | 'missing' | null>(null);

  constructor() {
    // A QR link opened signed out: say what it is for, and choose its organisation (employee numbers need one).
    effect(() => {
      const code = checkCodeOf(this.till());
      if (!code) return;
      this.client.call('GET', ApiRoutes.checks.codePreview, { params: { code } }).then(
        (preview) => {
          this.check.set(preview);
          if (!this.organisationId) this.organisationId = preview.organisationId;
        },
        (error: unknown) => this.check.set(problemOf(error).status === 404 ? 'missing' : null),
      );
    });
    this.client.call('GET', ApiRoutes.auth.organisations).then(
      (list) => this.organisations.set(list),
      () => this.organisations.set([]),
    );
    this.client.call('GET', ApiRoutes.auth.config).then(
      (config) => this.ssoOffered.set(config.oidc),
      () => this.ssoOffered.set(false),
    );
  }

  /** The reason single sign-on gave no session; an unknown value reads as a plain failure. */
  protected ssoErrorText(reason: string): string {
    const known: Record<SsoError, TranslationKey> = { failed: 'sso.failed', noMatch: 'sso.noMatch', ambiguous: 'sso.ambiguous' };
    return this.i18n.t(known[reason as SsoError] ?? 'sso.failed');
  }

  /** The text of the error under the form, translated where the server's reason is known. */
  protected errorText(problem: Problem): string {
    if (problem.status === 401) return this.i18n.t('signIn.failed');
    if (problem.code === 'lockedOut' || problem.status === 429) {
      const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 900) / 60));
      return this.i18n.t('signIn.lockedOut', { minutes });
    }
    if (problem.code === 'organisationRequired') return this.i18n.t('signIn.organisationRequired');
    if (problem.status === 400 && problem.fields.length) return this.i18n.t('errors.checkFields');
    if (problem.status === 0) return this.i18n.t('errors.network');
    return problem.serverMessage ?? this.i18n.t(problemKey(problem));
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    // An employee number is unique within one organisation only: without one it can never sign in, so say so
    // instead of "wrong details" (and spend no attempt of the lock-out on it).
    if (this.identifier.trim() && !this.identifier.includes('@') && !this.organisationId) {
      this.problem.set(localProblem([{ field: 'organisation', message: this.i18n.t('signIn.organisationForNumber') }]));
      this.organisationSelect()?.nativeElement.focus();
      return;
    }
    if (!this.identifier.trim() || !this.password) {
      this.problem.set(
        localProblem([
          ...(!this.identifier.trim() ? [{ field: 'identifier', message: this.i18n.t('signIn.identifierMissing') }] : []),
          ...(!this.password ? [{ field: 'password', message: this.i18n.t('signIn.passwordMissing') }] : []),
        ]),
      );
      return;
    }
    this.busy.set(true);
    try {
      await this.session.signIn({
        identifier: this.identifier.trim(),
        password: this.password,
        ...(this.organisationId ? { organisationId: this.organisationId } : {}),
      });
      this.password = '';
      await this.router.navigateByUrl(afterSignIn(this.till()));
    } catch (error) {
      const problem = problemOf(error);
      this.problem.set(problem);
      if (problem.code === 'organisationRequired') {
        this.organisationRequired.set(true);
        this.organisationSelect()?.nativeElement.focus();
      }
    } finally {
      this.busy.set(false);
    }
  }
}
