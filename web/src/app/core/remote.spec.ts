import { HttpErrorResponse } from '@angular/common/http';
import { ApplicationRef, Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { remote } from './remote';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Runs the resource's effects and lets answered promises reach its signals. */
async function flush(): Promise<void> {
  TestBed.inject(ApplicationRef).tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.inject(ApplicationRef).tick();
}

describe('remote', () => {
  beforeEach(() => TestBed.resetTestingModule());

  it('stays idle without params, loads when they come, and shows the value', async () => {
    const id = signal<string | undefined>(undefined);
    const calls: string[] = [];
    const answer = deferred<string>();
    const data = remote({ params: id, load: (value: string) => (calls.push(value), answer.promise), injector: TestBed.inject(Injector) });
    await flush();
    expect(calls).toEqual([]);
    expect(data.loading()).toBe(false);

    id.set('a');
    await flush();
    expect(calls).toEqual(['a']);
    expect(data.loading()).toBe(true);
    answer.resolve('A');
    await flush();
    expect(data.value()).toBe('A');
    expect(data.loading()).toBe(false);
    expect(data.problem()).toBeNull();
  });

  it('turns a failed call into a Problem and no value (where the resource would throw)', async () => {
    const data = remote({
      params: () => true,
      load: () => Promise.reject(new HttpErrorResponse({ status: 404, error: { message: 'Finns inte.' } })),
      injector: TestBed.inject(Injector),
    });
    await flush();
    expect(data.value()).toBeUndefined();
    expect(data.problem()).toMatchObject({ status: 404, serverMessage: 'Finns inte.' });
  });

  it('keeps the shown value while reloading, and a reload replaces it', async () => {
    let n = 0;
    const data = remote({ params: () => true, load: () => Promise.resolve(++n), injector: TestBed.inject(Injector) });
    await flush();
    expect(data.value()).toBe(1);
    data.reload();
    TestBed.inject(ApplicationRef).tick();
    expect(data.value()).toBe(1);
    await flush();
    expect(data.value()).toBe(2);
  });

  it('tells the loader when newer params replace a call, so its answer is not used', async () => {
    const id = signal('a');
    const signals: AbortSignal[] = [];
    const first = deferred<string>();
    const data = remote({
      params: id,
      load: (value: string, aborted) => {
        signals.push(aborted);
        return value === 'a' ? first.promise : Promise.resolve('B');
      },
      injector: TestBed.inject(Injector),
    });
    await flush();
    id.set('b');
    await flush();
    expect(signals[0].aborted).toBe(true);
    first.resolve('A');
    await flush();
    expect(data.value()).toBe('B');
  });
});
