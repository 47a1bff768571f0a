import { Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { TranslatePipe } from '../i18n/i18n';

@Component({
  selector: 'k-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguagePicker],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
})
export class Shell {
  protected readonly session = inject(Session);
}
