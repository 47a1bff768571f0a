import { Location } from '@angular/common';
import { Component, Injector, OnInit, afterNextRender, computed, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { FieldError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kunna/contracts';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { afterSignIn, tillQuery } from '../core/guards';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { I18n, TranslatePipe } from '../i18n/i18n';

/**
 * `/kod?c=CODE`: a person without e-mail redeems the one-time code from their manager and chooses a password.
 * Reached from a check link (`/kod?till=/m/KOD`, via sign-in) it goes on to that check afterwards.
 */
@Component({
  selector: 'k-redeem-code',
  imports: [FormsModule, TranslatePipe, LanguagePicker, RouterLink],
  templateUrl: './redeem-code.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './sign-in.css',
})
export class RedeemCode implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly location = inject(Location);
  private readonly injector = inject(Injector);
  /** The code from the link or slip (`?c=`). */
  readonly c = input<string>();
  /** `?till=/m/KOD`: the check link the person opened before signing in. */
  readonly till = input<string>();
  protected readonly tillQuery = tillQuery;
  protected readonly returnsToCheck = computed(() => afterSignIn(this.till()) !== '/');

  protected code = '';
  protected newPassword = '';
  protected repeatPassword = '';
  protected showPassword = false;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;

  ngOnInit(): void {
    this.code = (this.c() ?? '').trim();
    // The code must not linger in the address bar or history on a shared device.
    if (this.c()) {
      const rest = new URLSearchParams(tillQuery(this.till())).toString();
      afterNextRender(() => this.location.replaceState('/kod', rest), { injector: this.injector });
    }
  }

  protected message(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected generalError(problem: Problem): string | null {
    if (problem.status === 400 && problem.fields.length) return this.i18n.t('errors.checkFields');
    if (problem.status === 404) return this.i18n.t('redeem.invalidCode');
    if (problem.status === 429) return problem.serverMessage ?? this.i18n.t('errors.generic');
    if (problem.status === 0) return this.i18n.t('errors.network');
    return problem.serverMessage ?? this.i18n.t(problemKey(problem));
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const fields: FieldError[] = [];
    if (!this.code.trim()) fields.push({ field: 'code', message: this.i18n.t('redeem.codeMissing') });
    if (this.newPassword.length < this.min) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooShort', { min: this.min }) });
    else if (this.newPassword.length > this.max) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooLong', { max: this.max }) });
    else if (this.newPassword !== this.repeatPassword) fields.push({ field: 'repeatPassword', message: this.i18n.t('password.mismatch') });
    if (fields.length) {
      this.problem.set(localProblem(fields));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.session.redeem({ code: this.code.trim(), newPassword: this.newPassword });
      this.newPassword = '';
      this.repeatPassword = '';
      await this.router.navigateByUrl(afterSignIn(this.till()));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
