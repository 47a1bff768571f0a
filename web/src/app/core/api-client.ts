import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_PREFIX, routePath, TOTAL_COUNT_HEADER } from '@kunna/contracts';
import type {
  EndpointAt,
  EndpointName,
  EndpointPath,
  EndpointQuery,
  EndpointRequestBody,
  EndpointResponseBody,
  Endpoints,
  HttpMethod,
  PathParams,
} from '@kunna/contracts';

/** `/api/<path>`; only the client builds addresses, from the endpoint table's paths. */
const api = (path: string) => `/${API_PREFIX}/${path}`;

export interface Page<T> {
  items: T[];
  total: number;
}

type Entry<N extends EndpointName> = (typeof Endpoints)[N];

/** A file upload (`request: 'multipart'` in the table) takes the form; every other body is the table's type. */
type BodyOf<N extends EndpointName> = Entry<N> extends { request: 'multipart' } ? FormData : EndpointRequestBody<N>;

/**
 * What a typed call needs besides method and path: the route's parameters when it has any, the body when the endpoint
 * takes one, and the query the table names for it (required when the query has a required field, absent when it has
 * none: the client sends no query the table does not declare).
 */
export type CallOptions<M extends HttpMethod, P extends string, N extends EndpointName = EndpointAt<M, P>> = ([keyof PathParams<P>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<P> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> }) &
  (EndpointQuery<N> extends undefined ? { query?: undefined } : object extends EndpointQuery<N> ? { query?: EndpointQuery<N> } : { query: EndpointQuery<N> });

/** The options are optional exactly when nothing in them is required. */
type CallArgs<M extends HttpMethod, P extends string> = object extends CallOptions<M, P> ? [options?: CallOptions<M, P>] : [options: CallOptions<M, P>];

/** The GET paths whose answer is a list (what `page` accepts). */
type ListPath = {
  [N in EndpointName]: Entry<N> extends { readonly method: 'GET'; readonly response: { readonly array: true } } ? Entry<N>['path'] : never;
}[EndpointName];

/** The GET paths the browser opens itself: downloads (a media type besides JSON) and redirects (what `link` accepts). */
type LinkPath = {
  [N in EndpointName]: Entry<N> extends { readonly method: 'GET'; readonly response: { readonly media: readonly string[] } | { readonly status: 302 } }
    ? Entry<N>['path']
    : never;
}[EndpointName];

type Item<T> = T extends ReadonlyArray<infer I> ? I : never;

/** The query as URL parameters: empty values (undefined, null, '') are left out rather than sent as text. */
function params(query: object | undefined): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query ?? {}) as Array<[string, unknown]>) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

function address(path: string, options: { params?: object } | undefined): string {
  return api(options?.params ? routePath(path, options.params as Record<string, string>) : path);
}

/**
 * Promise-based calls to the Kunna API, typed from the endpoint table (libs/contracts/src/endpoints.ts): a path is a
 * route template from `ApiRoutes` that the table has for the method, its parameters are filled in here, and the body,
 * the query and the answer have the table's types. There is no untyped call: a route the web needs goes into the table
 * first. Only types come from the table: nothing of it reaches the bundle. Errors stay `HttpErrorResponse` (see `problemOf`).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  /** `call('GET', ApiRoutes.people.one, { params: { personId } })` answers a `PersonDetail`. */
  call<M extends HttpMethod, P extends EndpointPath<M>>(method: M, path: P, ...[options]: CallArgs<M, P>): Promise<EndpointResponseBody<EndpointAt<M, P>>> {
    return firstValueFrom(
      this.http.request<EndpointResponseBody<EndpointAt<M, P>>>(method, address(path, options), { body: options?.body, params: params(options?.query) }),
    );
  }

  /** A list with its total from the `X-Total-Count` header (the list's length when the API sends none). */
  async page<P extends ListPath>(path: P, ...[options]: CallArgs<'GET', P>): Promise<Page<Item<EndpointResponseBody<EndpointAt<'GET', P>>>>> {
    const response = await firstValueFrom(
      this.http.get<Array<Item<EndpointResponseBody<EndpointAt<'GET', P>>>>>(address(path, options), { params: params(options?.query), observe: 'response' }),
    );
    const items = response.body ?? [];
    const header = Number(response.headers.get(TOTAL_COUNT_HEADER));
    return { items, total: Number.isFinite(header) && response.headers.has(TOTAL_COUNT_HEADER) ? header : items.length };
  }

  /**
   * The address of a download or a redirect, for a plain link: the browser fetches it with the session cookie and
   * saves the file (Content-Disposition: attachment) or follows the redirect, which a JSON call cannot.
   */
  link<P extends LinkPath>(path: P, ...[options]: CallArgs<'GET', P>): string {
    const query = params(options?.query).toString();
    return query ? `${address(path, options)}?${query}` : address(path, options);
  }
}
