import { Component, computed, inject, input, Resource } from '@angular/core';
import { problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';

/** A resource's loading state and error, said aloud (role status / alert); the page shows the value itself. */
@Component({
  selector: 'k-resource-state',
  imports: [TranslatePipe],
  template: `
    @if (problem(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    } @else if (resource().isLoading()) {
      <p class="loading" role="status">{{ 'insightPages.loading' | t }}</p>
    }
  `,
})
export class ResourceState {
  readonly resource = input.required<Resource<unknown>>();
  private readonly i18n = inject(I18n);
  protected readonly problem = computed(() => {
    const error = this.resource().error();
    if (!error) return null;
    const problem = problemOf(error);
    return problem.serverMessage ?? this.i18n.t(problemKey(problem));
  });
}
