import type { ssoSv } from './sso.sv';

/** English texts of single sign-on on the sign-in page (spread into `en`). */
export const ssoEn: typeof ssoSv = {
  sso: {
    button: "Sign in with your organisation's account",
    or: 'or with a password',
    failed: "Signing in with your organisation's account failed. Try again or sign in with a password.",
    noMatch: "Your organisation's account matches no active person in Kunna. Ask your manager or administrator to check your e-mail or employee number.",
    ambiguous: "Your organisation's account matches several people in Kunna. Ask your administrator to correct the records.",
  },
};
