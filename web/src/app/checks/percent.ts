import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';

/** `{{ share | kPercent }}`: a share 0–1 as a whole percentage in the chosen language; – for null. */
@Pipe({ name: 'kPercent', pure: false })
export class PercentFormatPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined): string {
    if (value === null || value === undefined) return '–';
    return new Intl.NumberFormat(this.i18n.locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }
}

/** `{{ mean | kDecimal }}`: one or two decimals in the chosen language; – for null. */
@Pipe({ name: 'kDecimal', pure: false })
export class DecimalFormatPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined, digits = 2): string {
    if (value === null || value === undefined) return '–';
    return new Intl.NumberFormat(this.i18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'auto' }).format(value);
  }
}
