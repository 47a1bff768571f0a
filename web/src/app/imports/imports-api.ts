import { Injectable, inject } from '@angular/core';
import { ApiRoutes, ImportOptions, ImportPreview, ImportResult, ImportRunSummary } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

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

  preview(file: File): Promise<ImportPreview> {
    return this.client.post<ImportPreview>(ApiRoutes.imports.preview, form(file));
  }

  dryRun(file: File, options: ImportOptions): Promise<ImportResult> {
    return this.client.post<ImportResult>(ApiRoutes.imports.dryRun, form(file, options));
  }

  run(file: File, options: ImportOptions): Promise<ImportResult> {
    return this.client.post<ImportResult>(ApiRoutes.imports.list, form(file, options));
  }

  history(): Promise<ImportRunSummary[]> {
    return this.client.get<ImportRunSummary[]>(ApiRoutes.imports.list);
  }
}
