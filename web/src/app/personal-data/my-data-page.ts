import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MyCheckAnswerData, MyPersonalData } from '@kunna/contracts';
import { auditActionLabel } from '../audit/audit-actions';
import { remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { DateFormatPipe, formatDate } from '../i18n/format';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { formatNumber } from '../i18n/message-format';
import { PersonalDataApi } from './personal-data-api';

/** Where the words for each kind of stored code are (`employment` + `permanent` → employment.permanent). */
const LABELS = {
  employment: 'employment',
  gender: 'gender',
  language: 'language',
  role: 'role',
  purpose: 'myData.purpose',
  qualificationSource: 'ambassadors.qualificationSource',
  mark: 'attendance.status',
  round: 'checks.kind',
  responseStatus: 'myData.responseStatus',
  via: 'myData.via',
  choice: 'checks.choice',
} as const;

/**
 * "Mina uppgifter": everything Kunna holds about the signed-in person in plain words (codes shown as what they mean),
 * printable, with the same data as a machine-readable JSON download beside it. The download is built from what was
 * fetched, so one look is one export in the audit log.
 */
@Component({
  selector: 'k-my-data-page',
  imports: [RouterLink, TranslatePipe, DateFormatPipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './my-data-page.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    @media print {
      .no-print {
        display: none;
      }
    }
  `,
})
export class MyDataPage {
  private readonly api = inject(PersonalDataApi);
  private readonly i18n = inject(I18n);
  protected readonly data = remoteOnce<MyPersonalData>(() => this.api.mine());
  protected readonly problemKey = problemKey;

  /** A stored code in words; a code this build has no words for is shown as stored rather than hidden. */
  protected label(kind: keyof typeof LABELS, code: string): string {
    const key = `${LABELS[kind]}.${code}` as TranslationKey;
    const text = this.i18n.t(key);
    return text === key ? code : text;
  }

  /** "6 dec. 2026 – 31 dec. 2027", or "från 6 dec. 2026" while it lasts. */
  protected period(start: string, end: string | null): string {
    const from = formatDate(this.i18n, start);
    return end ? `${from} – ${formatDate(this.i18n, end)}` : this.i18n.t('myData.since', { start: from });
  }

  protected allocation(kind: string, value: number): string {
    const key = `ambassadors.allocation.${kind}` as TranslationKey;
    const text = this.i18n.t(key, { value: formatNumber(this.i18n.locale(), value) });
    return text === key ? String(value) : text;
  }

  protected hours(minutes: number): string {
    return formatNumber(this.i18n.locale(), Math.round(minutes / 6) / 10);
  }

  /** An answer as the person gave it: a step of four, the options chosen, yes/partly/no, or that they declined. */
  protected answer(answer: MyCheckAnswerData): string {
    if (answer.declined) return this.i18n.t('myData.declined');
    const value = (answer.value ?? {}) as { rating?: unknown; options?: unknown; choice?: unknown };
    const parts: string[] = [];
    if (typeof value.rating === 'number') parts.push(this.i18n.t('myData.rating', { value: value.rating }));
    if (Array.isArray(value.options)) parts.push(this.i18n.t('myData.options', { options: value.options.join(', ') }));
    if (typeof value.choice === 'string') parts.push(this.label('choice', value.choice));
    return parts.length > 0 ? parts.join(', ') : this.i18n.t('myData.noAnswer');
  }

  protected actionLabel(action: string): string {
    return auditActionLabel(this.i18n.uiLanguage(), action);
  }

  protected print(): void {
    window.print();
  }

  protected download(data: MyPersonalData): void {
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `mina-uppgifter-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }
}
