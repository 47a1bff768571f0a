import { Component, input } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';

/**
 * A short explanation on demand: a native disclosure, so it opens with Enter or Space and screen readers announce
 * it as expandable. `about` names what is explained, for a screen reader's list of controls.
 */
@Component({
  selector: 'k-explain',
  imports: [TranslatePipe],
  template: `
    <details class="explain">
      <summary>
        {{ 'insightPages.explain' | t }}<span class="visually-hidden">: {{ about() }}</span>
      </summary>
      <p>{{ text() }}</p>
    </details>
  `,
  styles: `
    .explain {
      margin-top: 0.25rem;
      font-size: 0.9em;
    }
    .explain summary {
      cursor: pointer;
      min-height: 2rem;
      display: flex;
      align-items: center;
      text-decoration: underline;
    }
    .explain p {
      margin: 0.25rem 0 0;
      max-width: 40rem;
    }
    @media print {
      .explain {
        display: none;
      }
    }
  `,
})
export class Explain {
  readonly about = input.required<string>();
  readonly text = input.required<string>();
}
