// A real OpenID Connect provider (oidc-provider) for the single sign-on test, on a free loopback port.
// A separate process because oidc-provider is an ES module, which jest's CommonJS runtime cannot load.
// The account id typed into the provider's login form is the base64url JSON of the claims to hand out,
// so each test chooses the identity it signs in with. Prints {"issuer": "..."} once listening.
// Used by e2e/api/oidc.e2e-spec.ts and, for the browser tests, started by scripts/e2e-web.mjs.
//
// ISSUER_HOST (optional, default 127.0.0.1) names the host in the issuer URL; it always listens on
// 127.0.0.1. The browser tests use `localhost`, so the provider is another site than the app at
// 127.0.0.1, as a real provider is (the SameSite cookies then behave as they would in production).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [clientId, clientSecret, redirectUri, issuerHost = '127.0.0.1'] = process.argv.slice(2);
if (!clientId || !clientSecret || !redirectUri) {
  console.error('usage: oidc-test-provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_URI [ISSUER_HOST]');
  process.exit(2);
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://${issuerHost}:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    cookies: { keys: ['kunna-oidc-test-provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['employee_number'] },
    pkce: { required: () => true },
    async findAccount(_ctx, accountId) {
      let claims;
      try {
        claims = JSON.parse(Buffer.from(accountId, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
      return { accountId, claims: () => ({ ...claims, sub: accountId }) };
    },
    // A first-party client: no consent screen (the grant is made here, as the provider's docs show).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
