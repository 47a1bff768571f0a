import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { I18n, Language, TranslatePipe } from './i18n';

@Component({
  selector: 'k-language-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <label class="language">
      <span class="visually-hidden">{{ 'app.language' | t }}</span>
      <select [value]="i18n.language()" (change)="choose($event)">
        <option value="sv" lang="sv">{{ 'language.sv' | t }}</option>
        <option value="en" lang="en">{{ 'language.en' | t }}</option>
      </select>
    </label>
  `,
})
export class LanguagePicker {
  protected readonly i18n = inject(I18n);

  protected choose(event: Event): void {
    void this.i18n.setLanguage((event.target as HTMLSelectElement).value as Language);
  }
}
