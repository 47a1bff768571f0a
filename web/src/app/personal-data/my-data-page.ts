import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MyPersonalData, Role } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { problemKey } from '../core/problem';
import { DateFormatPipe, NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { roleKey } from '../i18n/labels';
import { PersonalDataApi } from './personal-data-api';

/**
 * "Mina uppgifter": everything Kunna holds about the signed-in person, readable, with the same data as a JSON
 * download. The download is built from what was fetched, so one look is one export in the audit log.
 */
@Component({
  selector: 'k-my-data-page',
  imports: [RouterLink, TranslatePipe, DateFormatPipe, NumberFormatPipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './my-data-page.html',
})
export class MyDataPage {
  private readonly api = inject(PersonalDataApi);
  protected readonly data = new Loader<MyPersonalData>();
  protected readonly problemKey = problemKey;
  protected readonly roleKey = (role: string) => roleKey(role as Role);

  constructor() {
    void this.data.run(() => this.api.mine());
  }

  protected hours(minutes: number): number {
    return Math.round(minutes / 6) / 10;
  }

  protected json(value: unknown): string {
    return JSON.stringify(value);
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
