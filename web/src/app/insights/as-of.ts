import { Component, computed, inject, input } from '@angular/core';
import { I18n } from '../i18n/i18n';

/**
 * When an organisation-wide view's figures were computed ("Uppdaterat i dag kl. 12:03"): those views are kept between
 * reads and recomputed within about a minute of a change, so the reader knows how fresh they are. Nothing when the
 * figures were computed for this request.
 */
@Component({
  selector: 'k-as-of',
  template: `
    @if (text(); as text) {
      <p class="hint as-of">{{ text }}</p>
    }
  `,
})
export class AsOf {
  private readonly i18n = inject(I18n);
  readonly at = input<string | undefined>();

  protected readonly text = computed(() => {
    const at = this.at();
    if (!at) return null;
    const date = new Date(at);
    const locale = this.i18n.locale();
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
    if (date.toDateString() === new Date().toDateString()) return this.i18n.t('insights.asOfToday', { time });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
    return this.i18n.t('insights.asOf', { day, time });
  });
}
