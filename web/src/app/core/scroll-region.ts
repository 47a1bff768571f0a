import { Directive, ElementRef, afterNextRender, inject, signal, DestroyRef } from '@angular/core';

/**
 * `<div class="table-wrap">`: when a wide table scrolls sideways, the wrapper becomes a focusable, named region
 * so keyboard users can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
@Directive({
  selector: '.table-wrap',
  host: {
    '[attr.tabindex]': 'overflowing() ? 0 : null',
    '[attr.role]': "overflowing() ? 'region' : null",
    '[attr.aria-label]': 'overflowing() ? label() : null',
  },
})
export class ScrollRegion {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly overflowing = signal(false);
  protected readonly label = signal<string | null>(null);

  constructor() {
    const observer = new ResizeObserver(() => this.measure());
    afterNextRender(() => {
      observer.observe(this.element);
      const table = this.element.querySelector('table');
      if (table) observer.observe(table);
      this.measure();
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  private measure(): void {
    this.overflowing.set(this.element.scrollWidth > this.element.clientWidth + 1);
    this.label.set(this.element.querySelector('caption')?.textContent?.trim() || null);
  }
}
