import { Component, computed, inject, signal } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ApiRoutes, FieldError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SessionInfo, UiLanguage } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { Loader } from '../core/loader';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { Permissions } from '../core/permissions';
import { roleKey } from '../i18n/labels';
import { PeopleApi } from '../people/people-api';
import { describeDevice } from './device';

/** The signed-in person's own account: password, where they are signed in, and language. */
@Component({
  selector: 'k-account-page',
  imports: [ScrollRegion, FormsModule, TranslatePipe, DateFormatPipe, RouterLink],
  templateUrl: './account-page.html',
})
export class AccountPage {
  protected readonly session = inject(Session);
  private readonly client = inject(ApiClient);
  private readonly people = inject(PeopleApi);
  protected readonly i18n = inject(I18n);
  private readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly roleKey = roleKey;
  protected readonly describeDevice = describeDevice;
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;

  protected currentPassword = '';
  protected newPassword = '';
  protected repeatPassword = '';
  protected showPassword = false;
  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<Problem | null>(null);
  protected readonly passwordChanged = signal(false);

  protected readonly sessions = new Loader<SessionInfo[]>();
  protected readonly sessionProblem = signal<Problem | null>(null);
  protected readonly sessionBusy = signal<string | null>(null);
  protected readonly others = computed(() => (this.sessions.value() ?? []).filter((entry) => !entry.current));

  protected language: UiLanguage = this.i18n.language();
  protected readonly languageBusy = signal(false);
  protected readonly languageSaved = signal<TranslationKey | null>(null);
  protected readonly savesOnProfile = computed(() => this.permissions.organisationWide() || this.permissions.managedUnitIds().length > 0);
  protected readonly languageProblem = signal<Problem | null>(null);

  constructor() {
    void this.loadSessions();
  }

  protected passwordError(field: string): string | null {
    return fieldMessage(this.passwordProblem(), field);
  }

  protected async changePassword(): Promise<void> {
    this.passwordChanged.set(false);
    const fields: FieldError[] = [];
    if (!this.currentPassword) fields.push({ field: 'currentPassword', message: this.i18n.t('account.password.currentMissing') });
    if (this.newPassword.length < this.min) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooShort', { min: this.min }) });
    else if (this.newPassword.length > this.max) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooLong', { max: this.max }) });
    else if (this.newPassword !== this.repeatPassword) fields.push({ field: 'repeatPassword', message: this.i18n.t('password.mismatch') });
    if (fields.length) {
      this.passwordProblem.set(localProblem(fields));
      return;
    }
    this.passwordBusy.set(true);
    this.passwordProblem.set(null);
    try {
      await this.client.put(ApiRoutes.auth.password, { currentPassword: this.currentPassword, newPassword: this.newPassword });
      this.currentPassword = '';
      this.newPassword = '';
      this.repeatPassword = '';
      this.passwordChanged.set(true);
      // Changing the password ends the other sign-ins.
      await this.loadSessions();
    } catch (error) {
      this.passwordProblem.set(problemOf(error));
    } finally {
      this.passwordBusy.set(false);
    }
  }

  protected loadSessions(): Promise<SessionInfo[] | undefined> {
    return this.sessions.run(() => this.client.get<SessionInfo[]>(ApiRoutes.auth.sessions));
  }

  protected async endSession(entry: SessionInfo): Promise<void> {
    if (entry.current) {
      await this.session.signOut();
      return;
    }
    this.sessionBusy.set(entry.id);
    this.sessionProblem.set(null);
    try {
      await this.client.delete(`${ApiRoutes.auth.sessions}/${encodeURIComponent(entry.id)}`);
      await this.loadSessions();
    } catch (error) {
      this.sessionProblem.set(problemOf(error));
    } finally {
      this.sessionBusy.set(null);
    }
  }

  protected async endOthers(): Promise<void> {
    this.sessionBusy.set('others');
    this.sessionProblem.set(null);
    try {
      for (const entry of this.others()) await this.client.delete(`${ApiRoutes.auth.sessions}/${encodeURIComponent(entry.id)}`);
      await this.loadSessions();
    } catch (error) {
      this.sessionProblem.set(problemOf(error));
    } finally {
      this.sessionBusy.set(null);
    }
  }

  /**
   * Switches the interface now and remembers the choice on this device. Those who may edit their own record
   * (HR, administrators, managers) also save it on their profile, used at every sign-in; for others the API has
   * no self-service route yet, so their manager sets it on the person page.
   */
  protected async saveLanguage(): Promise<void> {
    const user = this.session.user();
    if (!user) return;
    this.languageBusy.set(true);
    this.languageSaved.set(null);
    this.languageProblem.set(null);
    this.i18n.setLanguage(this.language);
    try {
      if (this.savesOnProfile()) {
        await this.people.update(user.personId, { preferredLanguage: this.language });
        await this.session.refresh();
        this.languageSaved.set('account.language.saved');
      } else {
        this.languageSaved.set('account.language.savedDevice');
      }
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 403) this.languageSaved.set('account.language.savedDevice');
      else this.languageProblem.set(problem);
    } finally {
      this.languageBusy.set(false);
    }
  }

}
