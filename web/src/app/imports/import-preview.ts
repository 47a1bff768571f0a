import { Component, inject, input } from '@angular/core';
import { ImportPreview } from '@kunna/contracts';
import { ScrollRegion } from '../core/scroll-region';
import { NumberFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';

/** What the server read from the file: encoding, delimiter, size and the first rows under their headers. */
@Component({
  selector: 'k-import-preview',
  imports: [ScrollRegion, TranslatePipe, NumberFormatPipe],
  templateUrl: './import-preview.html',
  styleUrl: './import-page.css',
})
export class ImportPreviewView {
  readonly preview = input.required<ImportPreview>();
  private readonly i18n = inject(I18n);

  protected delimiterName(delimiter: string): string {
    return this.i18n.t(delimiter === ';' ? 'imports.preview.semicolon' : 'imports.preview.comma');
  }
}
