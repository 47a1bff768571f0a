import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n';

@Component({
  selector: 'k-not-found',
  imports: [TranslatePipe, RouterLink],
  template: `
    <h1>{{ 'errors.pageNotFound' | t }}</h1>
    <p>{{ 'errors.pageNotFoundText' | t }}</p>
    <p>
      <a routerLink="/">{{ 'nav.home' | t }}</a>
    </p>
  `,
})
export class NotFound {}
