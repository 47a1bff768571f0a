import { Component, computed, effect, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { CheckItemKind, CheckQuestion, SaveAnswerRequest, SavedAnswer } from '@kunna/contracts';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';

interface Choice {
  value: string;
  label: string;
}

const RATED = new Set<string>([CheckItemKind.SelfRating, CheckItemKind.Then, CheckItemKind.Attitude]);

/**
 * One question on its own screen: a fieldset whose legend is the question, large radio buttons (checkboxes for
 * multiple choice), "Nästa" and "Vill inte svara". Knowledge questions show whether the answer was right and why
 * once it is saved. Used both on the person's own phone and on the kiosk tablet.
 */
@Component({
  selector: 'k-question-step',
  imports: [TranslatePipe],
  template: `
    <form (submit)="$event.preventDefault(); submit()" class="question">
      <fieldset [attr.aria-describedby]="feedback() ? 'question-feedback' : null">
        <legend class="question-text">{{ text(question()) }}</legend>
        <div class="choices" [class.multiple]="question().multiple">
          @for (choice of choices(); track choice.value) {
            <label class="choice">
              @if (question().multiple) {
                <input type="checkbox" [name]="question().key" [value]="choice.value" [checked]="picked().includes(choice.value)"
                  [disabled]="locked()" (change)="toggle(choice.value)" />
              } @else {
                <input type="radio" [name]="question().key" [value]="choice.value" [checked]="picked().includes(choice.value)"
                  [disabled]="locked()" (change)="picked.set([choice.value])" />
              }
              <span>{{ choice.label }}</span>
            </label>
          }
        </div>
      </fieldset>
      @if (feedback(); as saved) {
        <div id="question-feedback" class="panel" role="status">
          <p class="feedback-title">{{ (saved.correct ? 'checks.answer.right' : 'checks.answer.notRight') | t }}</p>
          @if (explanation(saved); as why) {
            <p>{{ why }}</p>
          }
        </div>
      }
      @if (missing()) {
        <p class="error" role="alert">{{ 'checks.answer.chooseFirst' | t }}</p>
      }
      <div class="actions step-actions">
        <button type="submit" class="big" [disabled]="busy()">{{ (feedback() ? 'checks.answer.next' : 'checks.answer.saveNext') | t }}</button>
        @if (!feedback()) {
          <button type="button" class="secondary big" [disabled]="busy()" (click)="answered.emit({ declined: true })">{{ 'checks.answer.decline' | t }}</button>
        }
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .question-text { font-size: 1.4rem; font-weight: 700; line-height: 1.35; margin-bottom: 1rem; padding: 0; }
    fieldset { border: 0; padding: 0; margin: 0; }
    .choices { display: flex; flex-direction: column; gap: 0.6rem; }
    .choice { display: flex; align-items: center; gap: 0.75rem; min-height: 3.25rem; padding: 0.6rem 0.9rem; border: 2px solid #c5cdd3; border-radius: 10px; font-size: 1.15rem; font-weight: 400; background: #fff; cursor: pointer; }
    .choice:has(input:checked) { border-color: var(--brand); background: #eef5fb; }
    .choice input { width: 1.5rem; height: 1.5rem; flex: none; }
    .big { font-size: 1.1rem; min-height: 3rem; padding: 0.5rem 1.25rem; }
    .feedback-title { font-weight: 700; font-size: 1.15rem; margin: 0 0 0.25rem; }
  `,
})
export class QuestionStep {
  private readonly i18n = inject(I18n);
  readonly question = input.required<CheckQuestion>();
  /** The person's earlier answer to this question (resuming on their own phone). */
  readonly saved = input<SavedAnswer | null>(null);
  /** The saved answer of a knowledge question, to show right or wrong before moving on. */
  readonly feedback = input<SavedAnswer | null>(null);
  readonly busy = input(false);
  readonly answered = output<SaveAnswerRequest>();
  /** "Next" after the knowledge feedback was shown. */
  readonly next = output<void>();

  protected readonly picked = signal<string[]>([]);
  protected readonly missing = signal(false);
  protected readonly locked = computed(() => this.feedback() !== null);

  protected readonly choices = computed<Choice[]>(() => {
    const question = this.question();
    const label = (key: TranslationKey) => this.i18n.t(key);
    if (question.kind === CheckItemKind.Knowledge) {
      return question.options.map((o) => ({ value: o.key, label: this.i18n.language() === 'en' && o.textEn ? o.textEn : o.textSv }));
    }
    if (RATED.has(question.kind)) {
      const scale = question.kind === CheckItemKind.Attitude ? 'agreement' : 'selfRating';
      return [1, 2, 3, 4].map((n) => ({ value: String(n), label: label(`checks.scale.${scale}.${n}` as TranslationKey) }));
    }
    return (['yes', 'partly', 'no'] as const).map((value) => ({ value, label: label(`checks.choice.${value}`) }));
  });

  constructor() {
    effect(() => {
      const saved = this.saved();
      this.question();
      this.missing.set(false);
      const value = saved?.value;
      if (!value) this.picked.set([]);
      else if (value.rating !== undefined) this.picked.set([String(value.rating)]);
      else if (value.options) this.picked.set([...value.options]);
      else if (value.choice) this.picked.set([value.choice]);
    });
  }

  protected text(question: CheckQuestion): string {
    return this.i18n.language() === 'en' && question.textEn ? question.textEn : question.textSv;
  }

  protected explanation(saved: SavedAnswer): string | null {
    return this.i18n.language() === 'en' && saved.explanationEn ? saved.explanationEn : saved.explanationSv;
  }

  protected toggle(value: string): void {
    this.picked.update((list) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]));
  }

  protected submit(): void {
    if (this.feedback()) {
      this.next.emit();
      return;
    }
    const picked = this.picked();
    if (!picked.length) {
      this.missing.set(true);
      return;
    }
    const question = this.question();
    if (question.kind === CheckItemKind.Knowledge) this.answered.emit({ value: { options: picked } });
    else if (RATED.has(question.kind)) this.answered.emit({ value: { rating: Number(picked[0]) } });
    else this.answered.emit({ value: { choice: picked[0] as 'yes' | 'partly' | 'no' } });
  }
}
