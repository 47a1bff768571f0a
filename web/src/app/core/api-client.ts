import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_PREFIX, routePath, TOTAL_COUNT_HEADER } from '@kunna/contracts';
import type { EndpointAt, EndpointPath, EndpointRequestBody, EndpointResponseBody, HttpMethod, PathParams } from '@kunna/contracts';

/** `/api/<path>` for a path from `ApiRoutes` (filled in with `routePath()` when it has parameters). */
export const api = (path: string) => `/${API_PREFIX}/${path}`;

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * What a typed call needs besides method and path: the route's parameters when it has any, the body when the endpoint
 * takes one, and an optional query.
 */
export type CallOptions<M extends HttpMethod, P extends string> = ([keyof PathParams<P>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<P> }) &
  (EndpointRequestBody<EndpointAt<M, P>> extends undefined ? { body?: undefined } : { body: EndpointRequestBody<EndpointAt<M, P>> }) & {
    query?: Query;
  };

/** The options are optional exactly when nothing in them is required. */
type CallArgs<M extends HttpMethod, P extends string> = object extends CallOptions<M, P>
  ? [options?: CallOptions<M, P>]
  : [options: CallOptions<M, P>];

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

  /**
   * A call typed from the endpoint table (libs/contracts/src/endpoints.ts): the path is a route template from
   * `ApiRoutes` that the table has for the method, its parameters are filled in here, and the body and the answer
   * have the table's types. `call('GET', ApiRoutes.people.one, { params: { personId } })` answers a `PersonDetail`.
   * Only types come from the table: nothing of it reaches the bundle.
   */
  call<M extends HttpMethod, P extends EndpointPath<M>>(method: M, path: P, ...[options]: CallArgs<M, P>): Promise<EndpointResponseBody<EndpointAt<M, P>>> {
    const filled = options?.params ? routePath(path, options.params as Record<string, string>) : path;
    return firstValueFrom(
      this.http.request<EndpointResponseBody<EndpointAt<M, P>>>(method, api(filled), { body: options?.body, params: params(options?.query) }),
    );
  }

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
