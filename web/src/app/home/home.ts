import { Component, inject } from '@angular/core';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';

@Component({
  selector: 'k-home',
  imports: [TranslatePipe],
  template: `
    @if (session.user(); as user) {
      <h1>{{ 'home.greeting' | t: { name: user.firstName } }}</h1>
    }
  `,
})
export class Home {
  protected readonly session = inject(Session);
}
