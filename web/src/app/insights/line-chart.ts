import { Component, computed, input } from '@angular/core';

export interface LineSeries {
  label: string;
  /** One value per x label; null where there is nothing to show (a gap in the line). */
  values: (number | null)[];
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
// Line styles differ by dash as well as colour, so the lines stay apart in print and for colour-blind readers.
const STYLES = [
  { colour: '#1d5b8f', dash: '' },
  { colour: '#8f3b1d', dash: '6 3' },
  { colour: '#2e7040', dash: '2 3' },
  { colour: '#6a3d8f', dash: '10 3 2 3' },
  { colour: '#1a1a1a', dash: '' },
];

/**
 * Simple SVG lines over a fixed y range, for people who would rather look than read. Decorative for screen readers:
 * the table beside it carries the same figures.
 */
@Component({
  selector: 'k-line-chart',
  template: `
    <figure class="line-chart" aria-hidden="true">
      <figcaption>{{ title() }}</figcaption>
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" width="100%" [attr.height]="height" focusable="false">
        @for (tick of ticks(); track tick) {
          <line [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="y(tick)" [attr.y2]="y(tick)" stroke="#c8c8c8" />
          <text [attr.x]="pad.left - 6" [attr.y]="y(tick) + 4" text-anchor="end" font-size="11">{{ tick }}</text>
        }
        @for (label of labels(); track $index) {
          <text [attr.x]="x($index)" [attr.y]="height - 8" text-anchor="middle" font-size="11">{{ label }}</text>
        }
        @for (line of paths(); track line.label) {
          <path [attr.d]="line.d" fill="none" [attr.stroke]="line.colour" [attr.stroke-dasharray]="line.dash" stroke-width="2" />
          @for (point of line.points; track $index) {
            <circle [attr.cx]="point.x" [attr.cy]="point.y" r="3" [attr.fill]="line.colour" />
          }
        }
      </svg>
      <ul class="line-legend">
        @for (line of paths(); track line.label) {
          <li>
            <svg width="28" height="10" focusable="false">
              <line x1="0" x2="28" y1="5" y2="5" [attr.stroke]="line.colour" [attr.stroke-dasharray]="line.dash" stroke-width="2" />
            </svg>
            {{ line.label }}
          </li>
        }
      </ul>
    </figure>
  `,
  styles: `
    .line-chart {
      margin: 1rem 0;
      max-width: 40rem;
    }
    .line-chart figcaption {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .line-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      list-style: none;
      padding: 0;
      margin: 0.25rem 0 0;
    }
  `,
})
export class LineChart {
  readonly title = input.required<string>();
  readonly labels = input.required<string[]>();
  readonly series = input.required<LineSeries[]>();
  readonly min = input(1);
  readonly max = input(4);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly pad = PAD;

  protected readonly ticks = computed(() => {
    const ticks: number[] = [];
    for (let v = this.min(); v <= this.max(); v++) ticks.push(v);
    return ticks;
  });

  protected x(index: number): number {
    const count = Math.max(1, this.labels().length - 1);
    const span = WIDTH - PAD.left - PAD.right;
    return this.labels().length === 1 ? PAD.left + span / 2 : PAD.left + (span * index) / count;
  }

  protected y(value: number): number {
    const span = HEIGHT - PAD.top - PAD.bottom;
    return PAD.top + span * (1 - (value - this.min()) / (this.max() - this.min()));
  }

  protected readonly paths = computed(() =>
    this.series().map((series, index) => {
      const style = STYLES[index % STYLES.length];
      const points = series.values.flatMap((value, i) => (value === null ? [] : [{ x: this.x(i), y: this.y(value), i }]));
      // A gap (null) breaks the line: a new segment starts with M.
      const d = points.map((p, k) => `${k === 0 || points[k - 1].i !== p.i - 1 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      return { label: series.label, colour: style.colour, dash: style.dash, d, points };
    }),
  );
}
