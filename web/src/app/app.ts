import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { IdleSignOut } from './core/idle-sign-out';

@Component({
  selector: 'k-root',
  imports: [RouterOutlet],
  // Eager, as the shell is, while some pages still keep plain fields that change after a request: every tick reaches
  // them through these two. Components whose state is all in signals use the default OnPush.
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `<router-outlet />`,
})
export class App {
  constructor() {
    inject(IdleSignOut);
  }
}
