import { Component, computed, effect, forwardRef, inject, input, model, output, signal } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { I18n } from './i18n';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

type Part = 'year' | 'month' | 'day';

/** The order of year, month and day and the separator in the locale's numeric date (sv-SE: y-m-d; en-GB: d/m/y). */
function layout(locale: string): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2026, 11, 24)),
  );
  const order = parts.filter((part) => part.type === 'year' || part.type === 'month' || part.type === 'day').map((part) => part.type as Part);
  return { order, separator: parts.find((part) => part.type === 'literal')?.value ?? '-' };
}

/** 2026-12-24 in the locale's numeric form: `2026-12-24` (sv-SE), `24/12/2026` (en-GB). */
export function formatDateInput(locale: string, iso: string): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const values: Record<Part, string> = { year: match[1], month: match[2], day: match[3] };
  const { order, separator } = layout(locale);
  return order.map((part) => values[part]).join(separator);
}

/**
 * A typed date as YYYY-MM-DD, read in the locale's order (an ISO date is always understood), or null when it is not a
 * date that exists (31/02/2026).
 */
export function parseDateInput(locale: string, text: string): string | null {
  const groups = text
    .trim()
    .split(/[^0-9]+/)
    .filter(Boolean);
  if (groups.length !== 3) return null;
  const order: Part[] = groups[0].length === 4 ? ['year', 'month', 'day'] : layout(locale).order;
  const values = Object.fromEntries(order.map((part, index) => [part, Number(groups[index])])) as Record<Part, number>;
  if (String(values.year).length !== 4) return null;
  const date = new Date(Date.UTC(values.year, values.month - 1, values.day));
  if (date.getUTCFullYear() !== values.year || date.getUTCMonth() !== values.month - 1 || date.getUTCDate() !== values.day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date field in the page's language. A native date input shows the browser's own format (mm/dd/yyyy in an American
 * Chromium whatever the page's language); this one shows and reads the language's: 2026-12-24 in Swedish, 24/12/2026
 * in English. Its value is always YYYY-MM-DD (or '' when empty); text that is not a date is passed on as typed, so the
 * form's own check (or the API) names the problem.
 *
 * `<k-date-input inputId="start" [(value)]="startDate" />`, or with `[(ngModel)]`.
 */
@Component({
  selector: 'k-date-input',
  template: `
    <input
      type="text"
      inputmode="numeric"
      autocomplete="off"
      [id]="inputId()"
      [attr.name]="name() || null"
      [attr.placeholder]="i18n.t('common.datePattern')"
      [attr.aria-describedby]="describedBy() || null"
      [attr.aria-invalid]="invalid() ? true : null"
      [required]="required()"
      [disabled]="disabled()"
      [value]="text()"
      (input)="typed($any($event.target).value)"
      (blur)="onTouched()"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    input {
      width: 100%;
      max-width: 12rem;
      box-sizing: border-box;
    }
  `,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DateInput), multi: true }],
})
export class DateInput implements ControlValueAccessor {
  protected readonly i18n = inject(I18n);
  readonly inputId = input.required<string>();
  readonly name = input<string>();
  readonly describedBy = input<string>();
  readonly invalid = input(false);
  readonly required = input(false);
  /** YYYY-MM-DD, '' when empty, or the text as typed when it is not a date. */
  readonly value = model<string | null | undefined>('');
  /** The value each time it becomes a whole date or empty (not for every key of a date still being typed). */
  readonly dateChange = output<string>();
  protected readonly disabled = signal(false);
  /** What the person typed, kept while it is not (yet) a date. */
  private readonly typedText = signal<string | null>(null);
  protected readonly text = computed(() => {
    const typed = this.typedText();
    const value = this.value() ?? '';
    if (typed !== null && (parseDateInput(this.i18n.locale(), typed) ?? typed.trim()) === value) return typed;
    return formatDateInput(this.i18n.locale(), value);
  });
  private onChange: (value: string) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  constructor() {
    // A language switch writes the date anew in the other language's form.
    effect(() => {
      this.i18n.language();
      this.typedText.set(null);
    });
  }

  protected typed(text: string): void {
    this.typedText.set(text);
    const value = text.trim() === '' ? '' : (parseDateInput(this.i18n.locale(), text) ?? text.trim());
    this.value.set(value);
    this.onChange(value);
    if (value === '' || ISO.test(value)) this.dateChange.emit(value);
  }

  writeValue(value: string | null | undefined): void {
    this.value.set(value ?? '');
  }

  registerOnChange(onChange: (value: string) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
