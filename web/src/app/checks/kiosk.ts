import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { CheckItemKind, StaffLanguage, KioskForm, KioskRoster, KioskRosterEntry, SaveAnswerRequest, SavedAnswer } from '@kunna/contracts';
import { remote } from '../core/remote';
import { problemKey, problemOf, Problem } from '../core/problem';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { TranslatePipe } from '../i18n/i18n';
import { checkKindKey } from './labels';
import { ChecksApi } from './checks-api';
import { KioskLeave } from './kiosk-leave';
import { QuestionStep } from './question-step';
import { Listen } from './listen';
import { I18n } from '../i18n/i18n';

type Stage = 'pick' | 'answer' | 'done';

/** Without a touch or a key for this long on a person's screens, the tablet goes back to the names. */
export const KIOSK_IDLE_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;

/**
 * The locked kiosk tablet, passed from person to person: pick your own name, answer one question per screen, send.
 * Then everything is cleared before the next person: the tablet never reads answers back, and nothing of the
 * previous person stays on screen or in memory. The device holds only the kiosk credential (no menu, no account);
 * leaving needs the password of whoever started it (kiosk-leave.ts).
 */
@Component({
  selector: 'k-kiosk',
  imports: [TranslatePipe, QuestionStep, LanguagePicker, KioskLeave, Listen],
  template: `
    <main id="main" class="kiosk" tabindex="-1">
      <div class="top"><k-language-picker (picked)="languagePicked($event)" /></div>
      @if (roster.problem(); as problem) {
        <h1>{{ 'checks.kiosk.title' | t }}</h1>
        <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
        <k-kiosk-leave />
      } @else if (roster.value(); as current) {
        @switch (stage()) {
          @case ('pick') {
            <h1 #heading tabindex="-1">{{ current.title }}</h1>
            <p class="lead">{{ checkKindKey(current.kind) | t }} · {{ current.unitName }}</p>
            <p role="status" class="notice">
              @if (idleReturned()) {
                {{ 'checks.kiosk.idleReturned' | t }}
              }
            </p>
            <h2>{{ 'checks.kiosk.pickName' | t }}</h2>
            <div class="instruction">
              <p class="hint">{{ 'checks.kiosk.pickHint' | t }}</p>
              <k-listen [text]="('checks.kiosk.pickName' | t) + '. ' + ('checks.kiosk.pickHint' | t)" />
            </div>
            @if (problem(); as p) {
              <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
            }
            <ul class="names">
              @for (person of current.people; track person.personId) {
                <li>
                  <button type="button" class="secondary name" [disabled]="busy()" (click)="start(person)">{{ person.displayName }}</button>
                </li>
              }
            </ul>
            <k-kiosk-leave />
          }
          @case ('answer') {
            @if (form(); as f) {
              <h1 #heading tabindex="-1">{{ 'checks.kiosk.hello' | t: { name: person()?.displayName ?? '' } }}</h1>
              <p class="progress" aria-live="polite">{{ 'checks.answer.progress' | t: { n: index() + 1, total: f.questions.length } }}</p>
              @if (index() < f.questions.length) {
                <k-question-step [question]="f.questions[index()]" [feedback]="feedback()" [busy]="busy()" (answered)="save($event)" (next)="advance()" />
              } @else {
                <h2>{{ 'checks.answer.readyTitle' | t }}</h2>
                <div class="actions">
                  <button type="button" class="big" [disabled]="busy()" (click)="finish(false)">{{ 'checks.answer.submit' | t }}</button>
                </div>
              }
              @if (problem(); as p) {
                <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
              }
              <div class="actions">
                <button type="button" class="secondary" [disabled]="busy()" (click)="finish(true)">{{ 'checks.answer.declineAll' | t }}</button>
                <button type="button" class="secondary" [disabled]="busy()" (click)="clear()">{{ 'checks.kiosk.notMe' | t }}</button>
              </div>
            }
          }
          @case ('done') {
            <h1 #heading tabindex="-1">{{ 'checks.kiosk.thanks' | t }}</h1>
            <div class="instruction">
              <p class="lead">{{ 'checks.kiosk.passOn' | t }}</p>
              <k-listen [text]="('checks.kiosk.thanks' | t) + ' ' + ('checks.kiosk.passOn' | t)" />
            </div>
            <button type="button" class="big" (click)="clear()">{{ 'checks.kiosk.nextPerson' | t }}</button>
          }
        }
      } @else {
        <p role="status">{{ 'app.loading' | t }}</p>
      }
    </main>
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .kiosk {
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem;
    }
    .top {
      display: flex;
      justify-content: flex-end;
    }
    .names {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.6rem;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    }
    .name {
      width: 100%;
      min-height: 3.25rem;
      font-size: 1.15rem;
      justify-content: center;
    }
    .progress {
      font-size: 1.05rem;
    }
    .big {
      font-size: 1.1rem;
      min-height: 3rem;
      padding: 0.5rem 1.25rem;
    }
    .notice:empty {
      display: none;
    }
    .instruction {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
  `,
})
export class Kiosk {
  protected readonly checkKindKey = checkKindKey;
  private readonly api = inject(ChecksApi);
  private readonly session = inject(Session);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18n);
  private readonly roundId = computed(() => this.session.kiosk()?.roundId ?? '');
  protected readonly roster = remote<string, KioskRoster>({ params: () => this.roundId() || undefined, load: (roundId) => this.api.roster(roundId) });
  protected readonly stage = signal<Stage>('pick');
  protected readonly person = signal<KioskRosterEntry | null>(null);
  protected readonly form = signal<KioskForm | null>(null);
  protected readonly index = signal(0);
  protected readonly feedback = signal<SavedAnswer | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** Said (aria-live) when the tablet went back to the names by itself. */
  protected readonly idleReturned = signal(false);
  protected readonly problemKey = problemKey;
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** A language picked on the names screen: the next person's, who then taps their name. */
  private pickedBeforeName: StaffLanguage | null = null;

  constructor() {
    const activity = () => this.scheduleIdle();
    for (const event of ACTIVITY_EVENTS) this.document.addEventListener(event, activity, { passive: true });
    inject(DestroyRef).onDestroy(() => {
      for (const event of ACTIVITY_EVENTS) this.document.removeEventListener(event, activity);
      this.stopIdle();
    });
  }

  protected async start(person: KioskRosterEntry): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.idleReturned.set(false);
    try {
      const form = await this.api.startKiosk(this.roundId(), person.personId, crypto.randomUUID());
      // The person's turn is in their own language (kept on their account), not the previous person's; one they
      // picked just before tapping their name is theirs from now on.
      const picked = this.pickedBeforeName;
      this.pickedBeforeName = null;
      await this.i18n.useForNow(picked ?? form.language);
      if (picked && picked !== form.language) await this.rememberLanguage(form.responseId, picked);
      this.person.set(person);
      this.form.set(form);
      this.index.set(0);
      this.stage.set('answer');
      this.scheduleIdle();
      this.focusHeading();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async save(request: SaveAnswerRequest): Promise<void> {
    const form = this.form();
    if (!form) return;
    const question = form.questions[this.index()];
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = await this.api.saveKioskAnswer(form.responseId, question.key, request);
      if (question.kind === CheckItemKind.Knowledge && !saved.declined) this.feedback.set(saved);
      else this.advance();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Picked during a person's turn: kept on their account, so their next turn (here or on their phone) starts in it. */
  protected async languagePicked(language: StaffLanguage): Promise<void> {
    const form = this.form();
    if (this.stage() === 'pick') this.pickedBeforeName = language;
    else if (this.stage() === 'answer' && form) await this.rememberLanguage(form.responseId, language);
  }

  private async rememberLanguage(responseId: string, language: StaffLanguage): Promise<void> {
    try {
      await this.api.setKioskLanguage(responseId, language);
    } catch {
      /* this turn is in the language anyway; only the remembering failed */
    }
  }

  protected advance(): void {
    this.feedback.set(null);
    this.index.update((i) => i + 1);
  }

  protected async finish(decline: boolean): Promise<void> {
    const form = this.form();
    if (!form) return;
    this.busy.set(true);
    try {
      await this.api.finishKiosk(form.responseId, decline);
      this.reset();
      this.stage.set('done');
      this.scheduleIdle();
      this.focusHeading();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to the list of names with nothing of the previous person left. */
  protected clear(): void {
    this.reset();
    // Nothing of the previous person stays, their language included: back to the tablet's own.
    this.pickedBeforeName = null;
    void this.i18n.restoreDeviceLanguage();
    this.stage.set('pick');
    this.stopIdle();
    this.focusHeading();
  }

  /**
   * A person's screens go back to the names after a minute without a touch or a key: someone who walked away
   * leaves nothing on screen. What they saved so far stays unfinished on the server; picking the name again
   * continues it.
   */
  private scheduleIdle(): void {
    this.stopIdle();
    if (this.stage() === 'pick') return;
    this.idleTimer = setTimeout(() => {
      this.clear();
      this.idleReturned.set(true);
    }, KIOSK_IDLE_MS);
  }

  private stopIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private reset(): void {
    this.person.set(null);
    this.form.set(null);
    this.index.set(0);
    this.feedback.set(null);
    this.problem.set(null);
  }

  private focusHeading(): void {
    setTimeout(() => this.heading()?.nativeElement.focus(), 0);
  }
}
