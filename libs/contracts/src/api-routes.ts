/** Paths under /api, shared by the API controllers and the web client. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  auth: {
    base: 'auth',
    organisations: 'auth/organisations',
    signIn: 'auth/sign-in',
    signOut: 'auth/sign-out',
    me: 'auth/me',
    redeem: 'auth/redeem',
    password: 'auth/password',
    sessions: 'auth/sessions',
  },
  health: 'health',
  organisation: {
    /** GET: the organisation tree narrowed to the caller's scopes. */
    tree: 'organisation/tree',
    /** POST create (admin). */
    areas: 'areas',
    /** PATCH one area (admin): `areas/:areaId`. */
    area: 'areas/:areaId',
    /** POST create (admin). */
    units: 'units',
    /** GET unit page (staff, managers, ambassadors); PATCH (admin): `units/:unitId`. */
    unit: 'units/:unitId',
    /** GET organisations of the caller's network with aggregate counts (coordinator). */
    networkOrganisations: 'network/organisations',
  },
  people: {
    /** GET list (query: unitId, q, includeEnded), POST create. */
    list: 'people',
    /** GET detail, PATCH update: `people/:personId`. */
    one: 'people/:personId',
    move: 'people/:personId/move',
    end: 'people/:personId/end',
    roles: 'people/:personId/roles',
    role: 'people/:personId/roles/:roleId',
    oneTimeCode: 'people/:personId/one-time-code',
    disable: 'people/:personId/disable',
    enable: 'people/:personId/enable',
  },
  imports: {
    /** GET history, POST run the import (multipart: file, mapping, mode). */
    list: 'imports',
    /** POST multipart file: detected encoding, delimiter, headers and a suggested mapping. */
    preview: 'imports/preview',
    /** POST multipart: every problem by line and column, nothing written. */
    dryRun: 'imports/dry-run',
  },
} as const;

/** Fills `:param` placeholders: `routePath(ApiRoutes.people.one, { personId })`. */
export function routePath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing route parameter ${name}`);
    return encodeURIComponent(value);
  });
}
