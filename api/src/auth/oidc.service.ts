import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import * as openid from 'openid-client';
import type { SsoError } from '@kunna/contracts';
import { ApiRoutes, API_PREFIX } from '@kunna/contracts';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig, OidcConfig } from '../config/app-config';
import { AuthRepository } from './auth.repository';
import { AuthService, NewSession } from './auth.service';

/** What the browser keeps between start and callback (HttpOnly cookie, 10 minutes). */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type OidcOutcome = { session: NewSession } | { error: SsoError };

/**
 * Single sign-on through the organisation's OpenID Connect provider: authorization code flow with PKCE,
 * state and nonce (openid-client checks the state, the ID token's signature, issuer, audience, expiry and
 * nonce). The identity names a person by a verified e-mail or by the employee number in a configured claim;
 * exactly one active person of the configured organisation, or no session.
 *
 * openid-client 6 is published only as an ES module; the API is CommonJS and loads it with require(), which
 * Node (20.19+, 22.12+) does natively and synchronously for a module graph without top-level await, as this
 * one is. Jest compiles it to CommonJS instead (jest.preset.js).
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration: Promise<openid.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly repository: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new NotFoundException();
    return this.config.oidc;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/${API_PREFIX}/${ApiRoutes.auth.oidcCallback}`;
  }

  /** Discovery once; a failed discovery is retried at the next sign-in rather than cached. */
  private discover(): Promise<openid.Configuration> {
    const settings = this.settings();
    if (!this.configuration) {
      const issuer = new URL(settings.issuer);
      this.configuration = openid.discovery(
        issuer,
        settings.clientId,
        // RS256, the default for a registered client in OpenID Connect (and what openid-client 5 required):
        // an ID token signed with any other algorithm the provider happens to list is refused.
        { client_secret: settings.clientSecret, id_token_signed_response_alg: 'RS256' },
        // HTTP Basic, as openid-client 5 used by default (6 would send the secret in the form body).
        openid.ClientSecretBasic(settings.clientSecret),
        // Plain HTTP only for a provider on this machine (tests, development): the configuration refuses any
        // other http:// issuer (app-config.ts).
        issuer.protocol === 'http:' ? { execute: [openid.allowInsecureRequests] } : undefined,
      );
      this.configuration.catch(() => (this.configuration = null));
    }
    return this.configuration;
  }

  async start(): Promise<{ url: string; pending: OidcPending }> {
    const configuration = await this.discover();
    const pending: OidcPending = {
      state: openid.randomState(),
      nonce: openid.randomNonce(),
      codeVerifier: openid.randomPKCECodeVerifier(),
    };
    const scope = this.settings().matchClaim === 'email' ? 'openid email' : 'openid email profile';
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  async callback(request: Request, pending: OidcPending | null, client: { ip: string | null; userAgent: string | null }): Promise<OidcOutcome> {
    const settings = this.settings();
    const configuration = await this.discover();
    let claims: Record<string, unknown>;
    try {
      if (!pending) throw new Error('no pending sign-in (cookie missing or expired)');
      const tokens = await openid.authorizationCodeGrant(configuration, this.callbackUrl(request), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider answered without an ID token');
      claims = { ...idToken };
      // Providers that keep the ID token small hand out e-mail and custom claims at the userinfo endpoint
      // only; openid-client checks that its subject is the ID token's.
      if (claims[settings.matchClaim] === undefined && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
      }
    } catch (error) {
      // Wrong state, an error answer from the provider, a bad token: no identity, so no person to name.
      this.logger.warn(`OpenID Connect sign-in failed: ${describe(error)}`);
      await this.recordFailure(settings, 'oidc_invalid');
      return { error: 'failed' };
    }

    const value = this.identifier(settings, claims);
    if (!value) {
      await this.recordFailure(settings, 'oidc_claim_missing');
      return { error: 'noMatch' };
    }
    const candidates = (await this.repository.findSignInCandidates(value, settings.organisationId)).filter(
      (candidate) =>
        !candidate.disabled &&
        candidate.organisationId === settings.organisationId &&
        // The lookup matches e-mail or employee number; SSO must match only the configured kind.
        (settings.matchClaim === 'email') === value.includes('@'),
    );
    if (candidates.length !== 1) {
      await this.recordFailure(settings, candidates.length === 0 ? 'oidc_no_match' : 'oidc_ambiguous');
      return { error: candidates.length === 0 ? 'noMatch' : 'ambiguous' };
    }
    return { session: await this.auth.startSignedInSession(candidates[0].personId, candidates[0].organisationId, client, 'oidc') };
  }

  /**
   * The callback's address as the provider redirected to it: the registered redirect URI (from PUBLIC_URL,
   * not from the request's Host header) with the query the browser brought. openid-client takes the
   * authorization response from its query and sends the address without it as `redirect_uri`.
   */
  private callbackUrl(request: Request): URL {
    const url = new URL(this.redirectUri);
    url.search = new URL(request.originalUrl, url).search;
    return url;
  }

  /** An e-mail counts only when the provider says it is verified: an unverified one could be anyone's. */
  private identifier(settings: OidcConfig, claims: Record<string, unknown>): string | null {
    const raw = claims[settings.matchClaim];
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const value = String(raw).trim();
    if (value === '' || value.length > 320) return null;
    if (settings.matchClaim === 'email' && claims['email_verified'] !== true) return null;
    return value;
  }

  private recordFailure(settings: OidcConfig, reason: string): Promise<void> {
    return this.audit.record({
      action: 'auth.sign_in_failed',
      organisationId: settings.organisationId,
      actorPersonId: null,
      details: { reason, method: 'oidc' },
    });
  }
}

/** openid-client 6 wraps what went wrong ("unexpected \"state\" response parameter value") as the cause of a generic error. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}
