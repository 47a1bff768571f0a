import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { CheckItemKind, CheckQuestion, SaveAnswerRequest, SavedAnswer } from '@kunna/contracts';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { Listen } from './listen';

interface Choice {
  value: string;
  label: string;
  /** The language `label` is written in: the page's for the scales, the instrument's for knowledge options. */
  lang: string;
  audioUrl?: string | null;
}

const RATED = new Set<string>([CheckItemKind.SelfRating, CheckItemKind.Then, CheckItemKind.Attitude]);

/**
 * One question on its own screen: a fieldset whose legend is the question, large radio buttons (checkboxes for
 * multiple choice), "Nästa" and "Vill inte svara". Knowledge questions show whether the answer was right and why
 * once it is saved. Used both on the person's own phone and on the kiosk tablet.
 */
@Component({
  selector: 'k-question-step',
  imports: [TranslatePipe, Listen],
  template: `
    <form (submit)="$event.preventDefault(); submit()" class="question">
      <fieldset [attr.aria-describedby]="feedback() ? 'question-feedback' : null">
        <legend class="question-text" [attr.lang]="langAttr(contentLanguage())" dir="auto">{{ text(question()) }}</legend>
        <k-listen class="listen-question" [text]="text(question())" [lang]="contentLanguage()" [audioUrl]="question().audioUrl" />
        <div class="choices" [class.multiple]="question().multiple">
          @for (choice of choices(); track choice.value) {
            <div class="choice-row">
              <label class="choice">
                <input
                  [type]="question().multiple ? 'checkbox' : 'radio'"
                  [name]="question().key"
                  [value]="choice.value"
                  [checked]="picked().includes(choice.value)"
                  [disabled]="locked()"
                  (change)="choose(choice.value)"
                />
                <span [attr.lang]="langAttr(choice.lang)" dir="auto">{{ choice.label }}</span>
              </label>
              <k-listen [text]="choice.label" [lang]="choice.lang" [audioUrl]="choice.audioUrl" />
            </div>
          }
        </div>
      </fieldset>
      @if (feedback(); as saved) {
        <div id="question-feedback" class="panel" role="status">
          <p class="feedback-title">{{ (saved.correct ? 'checks.answer.right' : 'checks.answer.notRight') | t }}</p>
          @if (explanation(saved); as why) {
            <p [attr.lang]="langAttr(contentLanguage())" dir="auto">{{ why }}</p>
            <k-listen [text]="why" [lang]="contentLanguage()" />
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
  styles: `
    .question-text {
      font-size: 1.4rem;
      font-weight: 700;
      line-height: 1.35;
      margin-bottom: 0.5rem;
      padding: 0;
    }
    .listen-question {
      margin-bottom: 1rem;
    }
    .choice-row {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .choice-row .choice {
      flex: 1;
      min-width: 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 3.25rem;
      padding: 0.6rem 0.9rem;
      border: 2px solid #c5cdd3;
      border-radius: 10px;
      font-size: 1.15rem;
      font-weight: 400;
      background: #fff;
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: var(--brand);
      background: #eef5fb;
    }
    .choice input {
      width: 1.5rem;
      height: 1.5rem;
      flex: none;
    }
    .big {
      font-size: 1.1rem;
      min-height: 3rem;
      padding: 0.5rem 1.25rem;
    }
    .feedback-title {
      font-weight: 700;
      font-size: 1.15rem;
      margin: 0 0 0.25rem;
    }
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
      const lang = this.contentLanguage();
      const translated = this.translated(question);
      return question.options.map((o) => ({
        value: o.key,
        label: translated && o.text ? o.text : lang === 'en' && o.textEn ? o.textEn : o.textSv,
        lang,
        audioUrl: o.audioUrl,
      }));
    }
    const lang = this.i18n.language();
    if (RATED.has(question.kind)) {
      const scale = question.kind === CheckItemKind.Attitude ? 'agreement' : 'selfRating';
      return [1, 2, 3, 4].map((n) => ({ value: String(n), label: label(`checks.scale.${scale}.${n}` as TranslationKey), lang }));
    }
    return (['yes', 'partly', 'no'] as const).map((value) => ({ value, label: label(`checks.choice.${value}`), lang }));
  });

  /**
   * The language the instrument's texts are shown in: English when the page is English and the item has it,
   * otherwise Swedish (the instrument's own language), whatever the page's language. Marked with `lang` so screen
   * readers and "Lyssna" read it with the right voice.
   */
  protected readonly contentLanguage = computed(() => {
    const question = this.question();
    if (this.translated(question)) return question.language as string;
    return this.i18n.language() === 'en' && question.textEn ? 'en' : 'sv';
  });

  /** The API sent the item in another language than Swedish (a translation staff may see, see `CheckQuestion.language`). */
  private translated(question: CheckQuestion): boolean {
    return !!question.text && !!question.language && question.language !== 'sv';
  }

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
    if (this.translated(question)) return question.text as string;
    return this.contentLanguage() === 'en' && question.textEn ? question.textEn : question.textSv;
  }

  /** A `lang` attribute only where the text's language differs from the page's. */
  protected langAttr(lang: string): string | null {
    return lang === this.i18n.language() ? null : lang;
  }

  protected explanation(saved: SavedAnswer): string | null {
    return this.contentLanguage() === 'en' && saved.explanationEn ? saved.explanationEn : saved.explanationSv;
  }

  /** A checkbox toggles its choice; a radio button picks its choice alone. */
  protected choose(value: string): void {
    if (!this.question().multiple) {
      this.picked.set([value]);
      return;
    }
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
