import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_PREFIX, TOTAL_COUNT_HEADER } from '@kunna/contracts';

/** `/api/<path>` for a path from `ApiRoutes` (filled in with `routePath()` when it has parameters). */
export const api = (path: string) => `/${API_PREFIX}/${path}`;

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface Page<T> {
  items: T[];
  total: number;
}

function params(query: Query | undefined): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** Promise-based calls to the Kunna API; paths are relative to `/api`. Errors stay `HttpErrorResponse` (see `problemOf`). */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(path: string, query?: Query): Promise<T> {
    return firstValueFrom(this.http.get<T>(api(path), { params: params(query) }));
  }

  /** A list with its total from the `X-Total-Count` header. */
  async page<T>(path: string, query?: Query): Promise<Page<T>> {
    const response = await firstValueFrom(this.http.get<T[]>(api(path), { params: params(query), observe: 'response' }));
    const items = response.body ?? [];
    const header = Number(response.headers.get(TOTAL_COUNT_HEADER));
    return { items, total: Number.isFinite(header) && response.headers.has(TOTAL_COUNT_HEADER) ? header : items.length };
  }

  post<T>(path: string, body: object | FormData = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(api(path), body));
  }

  put<T>(path: string, body: object = {}): Promise<T> {
    return firstValueFrom(this.http.put<T>(api(path), body));
  }

  patch<T>(path: string, body: object): Promise<T> {
    return firstValueFrom(this.http.patch<T>(api(path), body));
  }

  delete<T = void>(path: string): Promise<T> {
    return firstValueFrom(this.http.delete<T>(api(path)));
  }
}
