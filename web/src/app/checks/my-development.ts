import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CompetenceDimension, DimensionProgress, MyChecks } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { PercentFormatPipe } from './percent';
import { checkKindKey, dimensionKey } from './labels';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ChecksApi } from './checks-api';
import { MyGap } from '../insights/my-gap';

/** The nearest step of the four (1–4) for a mean of the person's answers. */
export function nearestStep(mean: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, Math.round(mean))) as 1 | 2 | 3 | 4;
}

/** How the change reads in words: forward, about the same, or lower (said kindly: it often means a clearer view). */
export function changeKey(before: number | null, after: number | null): TranslationKey | null {
  if (before === null || after === null) return null;
  const change = after - before;
  if (change >= 0.25) return 'checks.mine.changeUp';
  if (change <= -0.25) return 'checks.mine.changeDown';
  return 'checks.mine.changeSame';
}

/**
 * "Min utveckling": the person's own before and after per competence dimension, in words first and as a simple
 * bar chart (hidden from screen readers, which get the same figures as text). Only the person sees this page.
 */
@Component({
  selector: 'k-my-development',
  imports: [TranslatePipe, RouterLink, PercentFormatPipe, MyGap],
  template: `
    <h1>{{ 'checks.mine.title' | t }}</h1>
    <p class="lead">{{ 'checks.mine.lead' | t }}</p>
    @if (mine.loading() && !mine.value()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (mine.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    } @else if (mine.value(); as data) {
      @if (data.pending.length) {
        <h2>{{ 'checks.mine.pending' | t }}</h2>
        <ul class="plain">
          @for (check of data.pending; track check.code) {
            <li>
              <a [routerLink]="['/m', check.code]" class="button">{{ check.title }} – {{ checkKindKey(check.kind) | t }}</a>
            </li>
          }
        </ul>
      }
      @for (result of data.results; track result.assignmentId) {
        <section class="card result" [attr.aria-labelledby]="'result-' + result.assignmentId">
          <h2 [id]="'result-' + result.assignmentId">{{ result.title }}</h2>
          <p class="muted">{{ result.unitName }}</p>
          <ul class="plain dimensions">
            @for (row of result.dimensions; track row.dimension) {
              <li>
                <h3>{{ dimensionKey(row.dimension) | t }}</h3>
                <p>
                  {{ 'checks.mine.before' | t }}: <strong>{{ words(row, row.before) }}</strong>
                  @if (row.after !== null) {
                    <br />{{ 'checks.mine.after' | t }}: <strong>{{ words(row, row.after) }}</strong>
                  }
                  @if (row.followUp !== null) {
                    <br />{{ 'checks.mine.followUp' | t }}: <strong>{{ words(row, row.followUp) }}</strong>
                  }
                </p>
                @if (changeKey(row.before, row.after); as key) {
                  <p class="change">{{ key | t }}</p>
                }
                <div class="chart" aria-hidden="true">
                  @for (bar of bars(row); track bar.label) {
                    <div class="bar-row">
                      <span class="bar-label">{{ bar.label | t }}</span>
                      <span class="bar" [class.after]="bar.after" [style.width.%]="bar.width"></span>
                    </div>
                  }
                </div>
              </li>
            }
          </ul>
          @if (result.knowledge.before !== null || result.knowledge.after !== null) {
            <h3>{{ 'checks.mine.knowledge' | t }}</h3>
            <p>
              {{ 'checks.mine.before' | t }}: {{ result.knowledge.before | kPercent }}
              @if (result.knowledge.after !== null) {
                · {{ 'checks.mine.after' | t }}: {{ result.knowledge.after | kPercent }}
              }
            </p>
          }
          @if (result.observed.length) {
            <h3>{{ 'checks.mine.observed' | t }}</h3>
            <p class="hint">{{ 'checks.mine.observedHint' | t }}</p>
            <ul class="plain observed">
              @for (row of result.observed; track row.dimension) {
                <li>
                  {{ dimensionKey(row.dimension) | t }}:
                  @for (side of sides; track side.key) {
                    @if (row[side.key] !== null) {
                      {{ side.label | t }} <strong>{{ observedWords(row[side.key]) }}</strong>
                    }
                  }
                </li>
              }
            </ul>
          }
        </section>
      } @empty {
        <p>{{ 'checks.mine.empty' | t }}</p>
      }
      <k-my-gap />
      <p class="hint">{{ 'checks.mine.private' | t }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .result {
      margin: 1rem 0;
    }
    .dimensions h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1.1rem;
    }
    .change {
      font-weight: 600;
    }
    .chart {
      display: grid;
      gap: 0.25rem;
      max-width: 24rem;
    }
    .bar-row {
      display: grid;
      grid-template-columns: 5rem 1fr;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.9rem;
    }
    .bar {
      display: block;
      height: 1rem;
      background: #9bb3c7;
      border-radius: 4px;
    }
    .bar.after {
      background: var(--brand);
    }
  `,
})
export class MyDevelopment {
  protected readonly checkKindKey = checkKindKey;
  protected readonly dimensionKey = dimensionKey;
  private readonly i18nScale = { will: 'agreement', other: 'selfRating' } as const;
  private readonly api = inject(ChecksApi);
  protected readonly mine = remoteOnce<MyChecks>(() => this.api.mine());
  protected readonly problemKey = problemKey;
  protected readonly changeKey = changeKey;
  private readonly i18n = inject(I18n);

  protected readonly sides = [
    { key: 'before', label: 'checks.mine.before' },
    { key: 'after', label: 'checks.mine.after' },
    { key: 'followUp', label: 'checks.mine.followUp' },
  ] as const;

  /** What the ambassador saw, on the observation scale (said about the person, not by them). */
  protected observedWords(mean: number | null): string {
    return mean === null ? '–' : this.label(`checks.observation.scale.${nearestStep(mean)}` as TranslationKey);
  }

  protected words(row: DimensionProgress, mean: number | null): string {
    if (mean === null) return '–';
    const scale = row.dimension === CompetenceDimension.Will ? this.i18nScale.will : this.i18nScale.other;
    return this.label(`checks.scale.${scale}.${nearestStep(mean)}` as TranslationKey);
  }

  protected bars(row: DimensionProgress): Array<{ label: TranslationKey; width: number; after: boolean }> {
    const width = (value: number) => (value / 4) * 100;
    const bars: Array<{ label: TranslationKey; width: number; after: boolean }> = [];
    if (row.before !== null) bars.push({ label: 'checks.mine.before', width: width(row.before), after: false });
    if (row.after !== null) bars.push({ label: 'checks.mine.after', width: width(row.after), after: true });
    if (row.followUp !== null) bars.push({ label: 'checks.mine.followUp', width: width(row.followUp), after: true });
    return bars;
  }

  private label(key: TranslationKey): string {
    return this.i18n.t(key);
  }
}
