import { loadConfig } from './app-config';

describe('OpenID Connect settings', () => {
  const complete = {
    OIDC_ISSUER: 'https://login.example/tenant/v2.0',
    OIDC_CLIENT_ID: 'kunna',
    OIDC_CLIENT_SECRET: 'secret',
    OIDC_ORGANISATION_ID: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  };

  it('is off without any of the variables', () => {
    expect(loadConfig({}).oidc).toBeNull();
  });

  it('matches on the verified e-mail unless another claim is named', () => {
    expect(loadConfig(complete).oidc).toEqual({
      issuer: complete.OIDC_ISSUER,
      clientId: 'kunna',
      clientSecret: 'secret',
      organisationId: complete.OIDC_ORGANISATION_ID,
      matchClaim: 'email',
    });
    expect(loadConfig({ ...complete, OIDC_MATCH_CLAIM: 'employee_number' }).oidc?.matchClaim).toBe('employee_number');
  });

  it('refuses to start half-configured, naming what is missing', () => {
    expect(() => loadConfig({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: 'kunna' })).toThrow(
      'OpenID Connect needs OIDC_CLIENT_SECRET, OIDC_ORGANISATION_ID as well',
    );
    expect(() => loadConfig({ ...complete, OIDC_ORGANISATION_ID: 'Kommun A' })).toThrow('OIDC_ORGANISATION_ID must be');
  });

  it('wants the provider over https, plain http only on this machine', () => {
    expect(() => loadConfig({ ...complete, OIDC_ISSUER: 'http://login.example/tenant' })).toThrow('OIDC_ISSUER must be an https:// URL');
    expect(() => loadConfig({ ...complete, OIDC_ISSUER: 'login.example' })).toThrow('OIDC_ISSUER must be an https:// URL');
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:4000/realms/kunna', 'http://[::1]:9000']) {
      expect(loadConfig({ ...complete, OIDC_ISSUER: local }).oidc?.issuer).toBe(local);
    }
  });
});

describe('database pool settings', () => {
  it('defaults to 20 connections and a 15 s wait for a free one, and takes both from the environment', () => {
    expect(loadConfig({}).databasePool).toEqual({ size: 20, waitMs: 15000 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '8', DATABASE_POOL_WAIT_MS: '4000' }).databasePool).toEqual({ size: 8, waitMs: 4000 });
  });

  it('refuses a value that is not a positive integer, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE must be a positive integer');
    expect(() => loadConfig({ DATABASE_POOL_WAIT_MS: '15s' })).toThrow('DATABASE_POOL_WAIT_MS must be a positive integer');
  });
});
