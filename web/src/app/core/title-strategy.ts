import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, TranslationKey } from '../i18n/i18n';

/** Route titles are translation keys; the page title follows the language. Pages may add a name (`setDetail`). */
@Injectable()
export class KunnaTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private key: TranslationKey | null = null;
  private detail: string | null = null;

  constructor() {
    super();
    effect(() => {
      this.i18n.language();
      this.apply();
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = (this.buildTitle(snapshot) as TranslationKey | undefined) ?? null;
    this.detail = null;
    this.apply();
  }

  /** A page showing one unit or person puts its name first in the title. */
  setDetail(detail: string | null): void {
    this.detail = detail;
    this.apply();
  }

  private apply(): void {
    const app = this.i18n.t('app.name');
    const parts = [this.detail, this.key ? this.i18n.t(this.key) : null].filter((part): part is string => !!part);
    this.title.setTitle(parts.length ? `${parts.join(' – ')} – ${app}` : app);
  }
}
