import { Component, ElementRef, inject, input, OnInit, signal, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CheckItemKind, KioskForm, KioskRoster, KioskRosterEntry, SaveAnswerRequest, SavedAnswer } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { problemKey, problemOf, Problem } from '../core/problem';
import { checkKindKey } from './labels';
import { TranslatePipe } from '../i18n/i18n';
import { ChecksApi } from './checks-api';
import { QuestionStep } from './question-step';

type Stage = 'pick' | 'answer' | 'done';

/**
 * Kiosk mode on the ambassador's tablet, passed from person to person: pick your own name, answer one question
 * per screen, send. Then everything is cleared before the next person: the tablet never reads answers back, and
 * nothing of the previous person stays on screen or in memory.
 */
@Component({
  selector: 'k-kiosk',
  imports: [TranslatePipe, QuestionStep, RouterLink],
  template: `
    @if (roster.problem(); as problem) {
      <h1>{{ 'checks.kiosk.title' | t }}</h1>
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (roster.value(); as current) {
      @switch (stage()) {
        @case ('pick') {
          <h1 #heading tabindex="-1">{{ current.title }}</h1>
          <p class="lead">{{ checkKindKey(current.kind) | t }} · {{ current.unitName }}</p>
          <h2>{{ 'checks.kiosk.pickName' | t }}</h2>
          <p class="hint">{{ 'checks.kiosk.pickHint' | t }}</p>
          @if (problem(); as p) {
            <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
          }
          <ul class="names">
            @for (person of current.people; track person.personId) {
              <li><button type="button" class="secondary name" [disabled]="busy()" (click)="start(person)">{{ person.displayName }}</button></li>
            }
          </ul>
          <p><a routerLink="/matningar">{{ 'checks.kiosk.leave' | t }}</a></p>
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
          <p class="lead">{{ 'checks.kiosk.passOn' | t }}</p>
          <button type="button" class="big" (click)="clear()">{{ 'checks.kiosk.nextPerson' | t }}</button>
        }
      }
    } @else {
      <p role="status">{{ 'app.loading' | t }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .names { list-style: none; padding: 0; display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
    .name { width: 100%; min-height: 3.25rem; font-size: 1.15rem; justify-content: center; }
    .progress { font-size: 1.05rem; }
    .big { font-size: 1.1rem; min-height: 3rem; padding: 0.5rem 1.25rem; }
  `,
})
export class Kiosk implements OnInit {
  protected readonly checkKindKey = checkKindKey;
  private readonly api = inject(ChecksApi);
  readonly roundId = input.required<string>();
  protected readonly roster = new Loader<KioskRoster>();
  protected readonly stage = signal<Stage>('pick');
  protected readonly person = signal<KioskRosterEntry | null>(null);
  protected readonly form = signal<KioskForm | null>(null);
  protected readonly index = signal(0);
  protected readonly feedback = signal<SavedAnswer | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly problemKey = problemKey;
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  ngOnInit(): void {
    void this.roster.run(() => this.api.roster(this.roundId()));
  }

  protected async start(person: KioskRosterEntry): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const form = await this.api.startKiosk(this.roundId(), person.personId, crypto.randomUUID());
      this.person.set(person);
      this.form.set(form);
      this.index.set(0);
      this.stage.set('answer');
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
    this.stage.set('pick');
    this.focusHeading();
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
