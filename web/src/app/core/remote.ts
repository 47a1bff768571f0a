import { Injector, ResourceRef, Signal, computed, resource, untracked } from '@angular/core';
import { Problem, problemOf } from './problem';

/**
 * A `resource()` seen the way the pages show remote data: the value (undefined while loading the first time
 * or after an error, where `resource.value()` would throw), whether it is loading, and the error as a
 * `Problem` for `problemKey`. The resource itself drives the calls: it loads when `params` changes, cancels
 * the older answer, and `reload()` fetches again after a save.
 */
export interface Remote<T> {
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly problem: Signal<Problem | null>;
  readonly resource: ResourceRef<T | undefined>;
  /** Fetches again with the same params (after a save); does nothing while idle. */
  reload(): void;
  /** Shows a value the page already has (the answer of a save) without fetching again. */
  set(value: T): void;
  /** Changes the shown value in place (a row removed after a decision). */
  update(change: (value: T | undefined) => T): void;
}

export interface RemoteOptions<P, T> {
  /** What to load; `undefined` leaves the resource idle (the caller may not see it, or nothing is chosen). */
  params: () => P | undefined;
  /** `aborted` turns true when newer params (or a reload) replace these: the answer will not be shown. */
  load: (params: P, aborted: AbortSignal) => Promise<T>;
  injector?: Injector;
}

export function remote<P, T>(options: RemoteOptions<P, T>): Remote<T> {
  const ref = resource<T, P | undefined>({
    params: options.params,
    loader: ({ params, abortSignal }) => options.load(params, abortSignal),
    injector: options.injector,
  });
  const value = computed(() => (ref.hasValue() ? ref.value() : undefined));
  return {
    resource: ref,
    value,
    loading: ref.isLoading,
    problem: computed(() => {
      const error = ref.error();
      return error === undefined ? null : problemOf(error);
    }),
    reload: () => void ref.reload(),
    set: (value) => ref.set(value),
    update: (change) => ref.set(change(untracked(value))),
  };
}

/** A resource that always loads (no params): `remote(() => api.list())`. */
export function remoteOnce<T>(load: () => Promise<T>): Remote<T> {
  return remote({ params: () => true as const, load: () => load() });
}
