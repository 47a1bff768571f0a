import { Component, computed, inject, input, linkedSignal } from '@angular/core';
import { DigCompArea, ModuleVersion } from '@kunna/contracts';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { dimensionKey, formatKey, targetGroupKey } from './library-labels';

/**
 * One version of a module as a facilitator reads it on a tablet: facts, goals, the facilitator guide
 * (HTML rendered safely by the API, sanitised again by Angular), glossary, exercises, links,
 * attachments and the knowledge-check items (answers only for those the API shows them to).
 */
@Component({
  selector: 'k-module-content',
  imports: [TranslatePipe, DateFormatPipe],
  templateUrl: './module-content.html',
  styleUrl: './library.css',
})
export class ModuleContent {
  readonly version = input.required<ModuleVersion>();
  readonly digComp = input<DigCompArea[]>([]);
  private readonly i18n = inject(I18n);
  private readonly library = inject(LibraryApi);
  protected readonly dimensionKey = dimensionKey;
  protected readonly formatKey = formatKey;
  protected readonly targetGroupKey = targetGroupKey;

  /** The starter library's words carry an explanation in lätt svenska: shown on request, and from the start to those reading Kunna in it. */
  protected readonly hasEasy = computed(() => this.version().glossary.some((entry) => !!entry.explanationEasy));
  protected readonly easy = linkedSignal(() => (this.i18n.language() as string) === 'sv-x-easy');

  protected toggleEasy(): void {
    this.easy.update((on) => !on);
  }

  protected readonly competences = computed(() => {
    const english = this.i18n.language() === 'en';
    const names = new Map<string, string>();
    for (const area of this.digComp()) for (const competence of area.competences) names.set(competence.code, english ? competence.nameEn : competence.nameSv);
    return this.version().digCompCodes.map((code) => ({ code, name: names.get(code) ?? '' }));
  });

  protected attachmentUrl(attachmentId: string): string {
    return this.library.attachmentUrl(attachmentId);
  }

  protected kilobytes(bytes: number): number {
    return Math.max(1, Math.round(bytes / 1024));
  }
}
