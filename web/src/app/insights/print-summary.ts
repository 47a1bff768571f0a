import { Component, inject } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { TranslatePipe } from '../i18n/i18n';
import { DateFormatPipe } from '../i18n/format';
import { today } from '../core/permissions';

/**
 * Prints the page as a one-page summary for the manager's report to the nämnd: the print stylesheet
 * (insight-pages.css) keeps the heading, key figures and chart, and leaves out menus, filters and details.
 */
@Component({
  selector: 'k-print-summary',
  imports: [TranslatePipe, DateFormatPipe],
  template: `
    <button type="button" class="secondary no-print" (click)="print()">{{ 'insightPages.print' | t }}</button>
    <p class="print-only">{{ 'insightPages.printedAt' | t: { date: (day | kDate) } }}</p>
  `,
  styles: `
    .print-only {
      display: none;
    }
    @media print {
      .print-only {
        display: block;
        margin: 0;
      }
    }
  `,
})
export class PrintSummary {
  private readonly document = inject(DOCUMENT);
  protected readonly day = today();

  protected print(): void {
    this.document.defaultView?.print();
  }
}
