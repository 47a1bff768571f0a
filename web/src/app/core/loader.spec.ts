import { HttpErrorResponse } from '@angular/common/http';
import { Loader } from './loader';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('Loader', () => {
  it('holds the value and clears loading', async () => {
    const loader = new Loader<number>();
    const call = deferred<number>();
    const running = loader.run(() => call.promise);
    expect(loader.loading()).toBe(true);
    call.resolve(7);
    await running;
    expect(loader.value()).toBe(7);
    expect(loader.loading()).toBe(false);
    expect(loader.problem()).toBeNull();
  });

  it('records the problem of a failed call', async () => {
    const loader = new Loader<number>();
    await loader.run(() => Promise.reject(new HttpErrorResponse({ status: 404, error: { message: 'Finns inte.' } })));
    expect(loader.problem()?.status).toBe(404);
    expect(loader.problem()?.serverMessage).toBe('Finns inte.');
    expect(loader.loading()).toBe(false);
  });

  it('drops a late answer of an older call (a quick switch between units)', async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = loader.run(() => first.promise);
    const b = loader.run(() => second.promise);
    second.resolve('unit 2');
    await b;
    first.resolve('unit 1');
    await a;
    expect(loader.value()).toBe('unit 2');
    expect(loader.loading()).toBe(false);
  });

  it('clear() forgets the value and ignores a call still running', async () => {
    const loader = new Loader<string>();
    const call = deferred<string>();
    const running = loader.run(() => call.promise);
    loader.clear();
    call.resolve('late');
    await running;
    expect(loader.value()).toBeUndefined();
  });
});
