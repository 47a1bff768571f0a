import { Component, computed, input } from '@angular/core';

export interface Bar {
  label: string;
  value: number | null;
  /** Shown beside the bar (formatted by the caller). */
  text: string;
}

/**
 * Horizontal bars for people who would rather look than read. Decorative for screen readers: the table beside it
 * carries the same figures. Bars are drawn with borders, so they also print without background colours.
 */
@Component({
  selector: 'k-bar-chart',
  template: `
    <figure class="bar-chart" aria-hidden="true">
      <figcaption>{{ title() }}</figcaption>
      @for (bar of bars(); track $index) {
        <div class="bar-row">
          <span class="bar-label">{{ bar.label }}</span>
          <span class="bar-track">
            @if (bar.value !== null) {
              <span class="bar" [style.width.%]="width(bar.value)"></span>
            }
          </span>
          <span class="bar-value">{{ bar.text }}</span>
        </div>
      }
      @if (reference(); as ref) {
        <p class="bar-reference">{{ ref }}</p>
      }
    </figure>
  `,
})
export class BarChart {
  readonly title = input.required<string>();
  readonly bars = input.required<Bar[]>();
  /** Fixed scale maximum (e.g. 100 for percentages); else the largest value. */
  readonly max = input<number | null>(null);
  readonly reference = input<string | null>(null);
  private readonly scale = computed(() => this.max() ?? Math.max(1, ...this.bars().map((bar) => bar.value ?? 0)));

  protected width(value: number): number {
    return Math.max(0, Math.min(100, (value / this.scale()) * 100));
  }
}
