import { Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';
import { Explain } from './explain';

export interface KeyFigure {
  label: string;
  /** Already formatted (see InsightFormat). */
  value: string;
  /** A line under the value, e.g. "31 av 50 personer". */
  detail?: string;
  /** Said on demand (see Explain). */
  explanation?: string;
  /** A figure that asks for action (a low answer rate, targets behind): a few words on the card. */
  warning?: string;
  /** What to do about it, said once below the figures (keeps the cards short). */
  advice?: string;
}

/** The 3–5 figures a summary page opens with: label, value, a line of context, an explanation on demand. */
@Component({
  selector: 'k-key-figures',
  imports: [TranslatePipe, Explain],
  template: `
    <section class="key-figures" [attr.aria-label]="'insightPages.keyFigures' | t">
      <ul>
        @for (figure of figures(); track figure.label) {
          <li class="key-figure" [class.attention]="!!figure.warning">
            <span class="key-label">{{ figure.label }}</span>
            <strong class="key-value" [class.long]="figure.value.length > 16">{{ figure.value }}</strong>
            @if (figure.detail) {
              <span class="key-detail">{{ figure.detail }}</span>
            }
            @if (figure.warning) {
              <span class="key-warning">{{ figure.warning }}</span>
            }
            @if (figure.explanation) {
              <k-explain [about]="figure.label" [text]="figure.explanation" />
            }
          </li>
        }
      </ul>
      @for (advice of advice(); track advice) {
        <p class="advice">{{ advice }}</p>
      }
    </section>
  `,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5rem), 1fr));
      gap: 0.5rem;
    }
    .key-figure {
      border: 1px solid #6b6b6b;
      border-radius: 0.5rem;
      padding: 0.5rem 0.75rem;
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .key-figure.attention {
      border-width: 3px;
      border-color: #8f3b1d;
    }
    .key-label {
      font-size: 0.9em;
    }
    .key-value {
      font-size: 1.6em;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
    }
    .key-value.long {
      font-size: 1.1em;
    }
    .key-detail {
      font-size: 0.9em;
    }
    .key-warning {
      font-weight: 600;
    }
    .advice {
      border-inline-start: 4px solid #8f3b1d;
      padding-inline-start: 0.75rem;
      max-width: 42rem;
      margin: 0 0 1rem;
    }
    @media print {
      ul {
        grid-template-columns: repeat(3, 1fr);
      }
      .key-figure {
        break-inside: avoid;
      }
    }
  `,
})
export class KeyFigures {
  readonly figures = input.required<KeyFigure[]>();
  protected readonly advice = computed(() => [...new Set(this.figures().flatMap((figure) => (figure.advice ? [figure.advice] : [])))]);
}
