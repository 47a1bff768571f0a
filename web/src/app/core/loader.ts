import { signal } from '@angular/core';
import { Problem, problemOf } from './problem';

/** Holds one piece of remote data: its value, whether it is loading and what went wrong. Late answers of older calls are dropped. */
export class Loader<T> {
  readonly value = signal<T | undefined>(undefined);
  readonly loading = signal(false);
  readonly problem = signal<Problem | null>(null);
  private generation = 0;

  async run(fetch: () => Promise<T>): Promise<T | undefined> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const value = await fetch();
      if (generation === this.generation) this.value.set(value);
      return value;
    } catch (error) {
      if (generation === this.generation) this.problem.set(problemOf(error));
      return undefined;
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  clear(): void {
    this.generation++;
    this.value.set(undefined);
    this.problem.set(null);
    this.loading.set(false);
  }
}
