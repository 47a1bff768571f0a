import { Injectable, inject } from '@angular/core';
import { ApiRoutes, ImportOptions, ImportPreview, ImportResult, ImportRunSummary } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { translateMessages } from '../i18n/api-messages';
import { I18n } from '../i18n/i18n';

function form(file: File, options?: ImportOptions): FormData {
  const data = new FormData();
  data.append('file', file, file.name);
  if (options) data.append('options', JSON.stringify(options));
  return data;
}

/** HR imports: preview the file, dry-run it with a mapping, run it, and list earlier runs. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly client = inject(ApiClient);
  private readonly i18n = inject(I18n);

  preview(file: File): Promise<ImportPreview> {
    return this.client.call('POST', ApiRoutes.imports.preview, { body: form(file) });
  }

  dryRun(file: File, options: ImportOptions): Promise<ImportResult> {
    return this.inLanguage(this.client.call('POST', ApiRoutes.imports.dryRun, { body: form(file, options) }));
  }

  run(file: File, options: ImportOptions): Promise<ImportResult> {
    return this.inLanguage(this.client.call('POST', ApiRoutes.imports.list, { body: form(file, options) }));
  }

  /** The result with each problem in the page's language (by its message code; the API's Swedish as the fallback). */
  private async inLanguage(answer: Promise<ImportResult>): Promise<ImportResult> {
    const result = await answer;
    return { ...result, problems: await translateMessages(result.problems, this.i18n.uiLanguage(), this.i18n.locale()) };
  }

  history(): Promise<ImportRunSummary[]> {
    return this.client.call('GET', ApiRoutes.imports.list);
  }
}
