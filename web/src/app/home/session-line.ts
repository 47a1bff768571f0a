import { Component, computed, inject, input } from '@angular/core';
import { TodaySession } from '@kunna/contracts';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { plural } from './formatting';

/** One session on the start page: title, unit, when and where (date and duration through Intl, real plurals). */
@Component({
  selector: 'k-session-line',
  imports: [TranslatePipe],
  template: `
    <strong>{{ session().title }}</strong>
    <span class="muted"> · {{ session().unit.name }}</span>
    <br />
    @if (withDate()) {
      <span>{{ day() }}, </span>
    }
    <span>{{ 'today.session' | t: { time: session().startTime, minutes: minutes(), place: session().place } }}</span>
  `,
})
export class SessionLine {
  private readonly i18n = inject(I18n);
  readonly session = input.required<TodaySession>();
  readonly withDate = input(true);
  protected readonly day = computed(() => {
    this.i18n.language();
    return new Intl.DateTimeFormat(this.i18n.locale(), { weekday: 'short', day: 'numeric', month: 'short' }).format(
      new Date(`${this.session().date}T12:00:00`),
    );
  });
  protected readonly minutes = computed(() => {
    this.i18n.language();
    return plural(this.i18n, 'today.counts.minutes', this.session().durationMinutes);
  });
}
