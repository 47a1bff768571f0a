import { Component, input, model } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';

/** Why a facilitator without qualification for the module leads: the server requires it and records it with the session. */
@Component({
  selector: 'k-facilitator-reason-field',
  imports: [TranslatePipe],
  template: `
    <div class="field">
      <label for="s-reason">{{ 'sessionsPlan.reason' | t }}</label>
      <textarea
        id="s-reason"
        rows="2"
        [value]="reason()"
        (input)="reason.set($any($event.target).value)"
        aria-describedby="s-reason-hint s-reason-error"
        [attr.aria-invalid]="error() ? true : null"
      ></textarea>
      <p class="hint" id="s-reason-hint">{{ 'sessionsPlan.reasonHint' | t }}</p>
      <p class="error" id="s-reason-error">{{ error() }}</p>
    </div>
  `,
})
export class FacilitatorReasonField {
  readonly reason = model.required<string>();
  readonly error = input<string | null>(null);
}
