import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { IdleSignOut } from './core/idle-sign-out';

@Component({
  selector: 'k-root',
  imports: [RouterOutlet],
  template: `<router-outlet />`,
})
export class App {
  constructor() {
    inject(IdleSignOut);
  }
}
