import { Component, inject, ChangeDetectionStrategy } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { IdleSignOut } from './core/idle-sign-out';

@Component({
  selector: 'k-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `<router-outlet />`,
})
export class App {
  constructor() {
    inject(IdleSignOut);
  }
}
