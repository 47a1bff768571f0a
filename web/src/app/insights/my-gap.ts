import { Component, inject } from '@angular/core';
import { CompetenceDimension, CompetenceGapRow, MyCompetenceGap } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { CompetenceLabels } from './competence-label';
import { InsightsApi } from './insights-api';

/** "Min utveckling": the person's own gap to their role title's competence profile. Only the person sees it. */
@Component({
  selector: 'k-my-gap',
  imports: [TranslatePipe],
  template: `
    @if (data.value(); as value) {
      <section class="card my-gap" aria-labelledby="my-gap-heading">
        <h2 id="my-gap-heading">{{ 'profiles.mine.title' | t }}</h2>
        @if (value.profile; as profile) {
          <p class="muted">
            @if (profile.areaName) {
              {{ 'profiles.mine.profileArea' | t: { roleTitle: profile.roleTitle, area: profile.areaName } }}
            } @else {
              {{ 'profiles.mine.profile' | t: { roleTitle: profile.roleTitle } }}
            }
          </p>
          <ul class="plain">
            @for (row of value.competences; track row.competence) {
              <li>
                <h3>{{ labels.label(row.competence) }}</h3>
                <p>
                  {{ 'profiles.mine.target' | t }}: <strong>{{ step(row, row.target) }}</strong><br />
                  {{ 'profiles.mine.level' | t }}:
                  <strong>{{ row.level === null ? ('profiles.mine.notMeasured' | t) : step(row, row.level) }}</strong>
                </p>
                @if (row.gap !== null) {
                  <p class="gap">{{ row.gap === 0 ? ('profiles.mine.reached' | t) : ('profiles.mine.gap' | t: { gap: number(row.gap) }) }}</p>
                }
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'profiles.mine.none' | t }}</p>
        }
      </section>
    }
  `,
  styles: `
    .my-gap {
      margin: 1rem 0;
    }
    .my-gap h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1.1rem;
    }
    .gap {
      font-weight: 600;
    }
  `,
})
export class MyGap {
  private readonly i18n = inject(I18n);
  protected readonly labels = inject(CompetenceLabels);
  private readonly api = inject(InsightsApi);
  protected readonly data = remoteOnce<MyCompetenceGap>(() => this.api.myCompetenceGap());

  /** The step's words on the scale the competence is asked on (vilja on agreement, the rest on self-rating). */
  protected step(row: CompetenceGapRow, value: number): string {
    const nearest = Math.min(4, Math.max(1, Math.round(value)));
    const scale = row.competence === CompetenceDimension.Will ? 'agreement' : 'selfRating';
    const words = this.i18n.t(`checks.scale.${scale}.${nearest}` as TranslationKey);
    return Number.isInteger(value) ? `${value} – ${words}` : `${this.number(value)} (${words})`;
  }

  protected number(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(value);
  }
}
