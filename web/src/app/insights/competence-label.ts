import { inject, Injectable, signal } from '@angular/core';
import { COMPETENCE_DIMENSIONS, DIGCOMP_PREFIX, DigCompArea } from '@kunna/contracts';
import { I18n, TranslationKey } from '../i18n/i18n';
import { LibraryApi } from '../library/library-api';

/** Names of competence keys: a SIS dimension by its word, a DigComp competence by code and name in the language shown. */
@Injectable({ providedIn: 'root' })
export class CompetenceLabels {
  private readonly i18n = inject(I18n);
  private readonly library = inject(LibraryApi);
  readonly digComp = signal<DigCompArea[]>([]);

  constructor() {
    // Without the names the codes still read ("DigComp 2.1").
    this.library.digComp().then(
      (areas) => this.digComp.set(areas),
      () => this.digComp.set([]),
    );
  }

  label(key: string): string {
    if ((COMPETENCE_DIMENSIONS as readonly string[]).includes(key)) return this.i18n.t(`checks.dimension.${key}` as TranslationKey);
    const code = key.startsWith(DIGCOMP_PREFIX) ? key.slice(DIGCOMP_PREFIX.length) : key;
    const competence = this.digComp()
      .flatMap((area) => area.competences)
      .find((c) => c.code === code);
    if (!competence) return `DigComp ${code}`;
    return `DigComp ${code} ${this.i18n.uiLanguage() === 'sv' ? competence.nameSv : competence.nameEn}`;
  }
}
