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
} as const;
