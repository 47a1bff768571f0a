import { Component, computed, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CheckForm, CheckItemKind, SaveAnswerRequest, SavedAnswer, StaffLanguage } from '@kunna/contracts';
import { remote } from '../core/remote';
import { problemKey, problemOf, Problem } from '../core/problem';
import { checkKindKey } from './labels';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { ChecksApi } from './checks-api';
import { QuestionStep } from './question-step';
import { Listen } from './listen';

/**
 * The person's own check, opened from the short link or QR code (`/m/KOD`): one question per screen, each
 * answer saved at once (so it can be resumed on any device), a summary, then submit. Declining is always offered.
 */
@Component({
  selector: 'k-check-answer',
  imports: [TranslatePipe, QuestionStep, RouterLink, Listen],
  template: `
    @if (form.loading() && !form.value()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (form.problem(); as problem) {
      <h1>{{ 'checks.answer.title' | t }}</h1>
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (form.value(); as current) {
      <h1>{{ current.title }}</h1>
      <p class="lead">{{ checkKindKey(current.kind) | t }}</p>
      @if (current.status === 'submitted') {
        <div class="panel" role="status">
          <p class="done">{{ 'checks.answer.thanks' | t }}</p>
          <p>
            <a routerLink="/min-utveckling">{{ 'checks.answer.seeDevelopment' | t }}</a>
          </p>
        </div>
      } @else if (current.status === 'declined') {
        <p class="panel" role="status">{{ 'checks.answer.declinedAll' | t }}</p>
      } @else if (index() < current.questions.length) {
        <p class="progress" aria-live="polite">{{ 'checks.answer.progress' | t: { n: index() + 1, total: current.questions.length } }}</p>
        <progress [value]="index()" [max]="current.questions.length" aria-hidden="true"></progress>
        <k-question-step
          [question]="current.questions[index()]"
          [saved]="savedFor(current.questions[index()].key)"
          [feedback]="feedback()"
          [busy]="busy()"
          (answered)="save($event)"
          (next)="advance()"
        />
        @if (problem(); as p) {
          <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
        }
        <div class="actions">
          @if (index() > 0) {
            <button type="button" class="secondary" (click)="back()">{{ 'checks.answer.previous' | t }}</button>
          }
          <button type="button" class="secondary" (click)="finish(true)">{{ 'checks.answer.declineAll' | t }}</button>
        </div>
      } @else {
        <h2>{{ 'checks.answer.readyTitle' | t }}</h2>
        <div class="instruction">
          <p>{{ 'checks.answer.readyText' | t: { answered: answeredCount(), total: current.questions.length } }}</p>
          <k-listen [text]="'checks.answer.readyText' | t: { answered: answeredCount(), total: current.questions.length }" />
        </div>
        <div class="actions">
          <button type="button" class="big" [disabled]="busy()" (click)="finish(false)">{{ 'checks.answer.submit' | t }}</button>
          <button type="button" class="secondary" (click)="index.set(0)">{{ 'checks.answer.review' | t }}</button>
        </div>
      }
    }
  `,
  styles: `
    .progress {
      font-size: 1.05rem;
      margin: 0.5rem 0 0.25rem;
    }
    progress {
      width: 100%;
      height: 0.5rem;
      margin-bottom: 1rem;
    }
    .done {
      font-size: 1.25rem;
      font-weight: 700;
    }
    .big {
      font-size: 1.1rem;
      min-height: 3rem;
      padding: 0.5rem 1.25rem;
    }
    .instruction {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
  `,
})
export class CheckAnswer {
  protected readonly checkKindKey = checkKindKey;
  private readonly api = inject(ChecksApi);
  private readonly i18n = inject(I18n);
  readonly code = input.required<string>();
  /**
   * In the language chosen when the check opens: switching later does not reload the form and move the person
   * back to the first question without an answer.
   */
  protected readonly form = remote<{ code: string; language: StaffLanguage }, CheckForm>({
    params: () => ({ code: this.code(), language: untracked(this.i18n.language) }),
    load: async ({ code, language }) => {
      const form = await this.api.form(code, language);
      // Resume at the first question without an answer.
      const first = form.questions.findIndex((q) => !form.answers.some((a) => a.itemKey === q.key));
      this.index.set(first === -1 ? form.questions.length : first);
      return form;
    },
  });
  protected readonly index = signal(0);
  protected readonly busy = signal(false);
  protected readonly feedback = signal<SavedAnswer | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly problemKey = problemKey;
  protected readonly answeredCount = computed(() => this.form.value()?.answers.length ?? 0);

  protected savedFor(key: string): SavedAnswer | null {
    return this.form.value()?.answers.find((a) => a.itemKey === key) ?? null;
  }

  protected async save(request: SaveAnswerRequest): Promise<void> {
    const form = this.form.value();
    if (!form) return;
    const question = form.questions[this.index()];
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = await this.api.saveAnswer(this.code(), question.key, request);
      this.form.set({ ...form, answers: [...form.answers.filter((a) => a.itemKey !== saved.itemKey), saved] });
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

  protected back(): void {
    this.feedback.set(null);
    this.index.update((i) => Math.max(0, i - 1));
  }

  protected async finish(decline: boolean): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.form.set(await this.api.finish(this.code(), decline));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
