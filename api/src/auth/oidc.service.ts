import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { BaseClient, generators, Issuer } from 'openid-client';
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
 * state and nonce (openid-client checks the ID token's signature, issuer, audience, expiry and nonce).
 * The identity names a person by a verified e-mail or by the employee number in a configured claim;
 * exactly one active person of the configured organisation, or no session.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private client: Promise<BaseClient> | null = null;

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
  private discover(): Promise<BaseClient> {
    const settings = this.settings();
    if (!this.client) {
      this.client = Issuer.discover(settings.issuer).then(
        (issuer) =>
          new issuer.Client({
            client_id: settings.clientId,
            client_secret: settings.clientSecret,
            redirect_uris: [this.redirectUri],
            response_types: ['code'],
          }),
      );
      this.client.catch(() => (this.client = null));
    }
    return this.client;
  }

  async start(): Promise<{ url: string; pending: OidcPending }> {
    const client = await this.discover();
    const pending: OidcPending = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
    const scope = this.settings().matchClaim === 'email' ? 'openid email' : 'openid email profile';
    const url = client.authorizationUrl({
      scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  async callback(request: Request, pending: OidcPending | null, client: { ip: string | null; userAgent: string | null }): Promise<OidcOutcome> {
    const settings = this.settings();
    const oidc = await this.discover();
    let claims: Record<string, unknown>;
    try {
      if (!pending) throw new Error('no pending sign-in (cookie missing or expired)');
      const params = oidc.callbackParams(request);
      const tokens = await oidc.callback(this.redirectUri, params, {
        state: pending.state,
        nonce: pending.nonce,
        code_verifier: pending.codeVerifier,
      });
      claims = tokens.claims() as Record<string, unknown>;
      // Providers that keep the ID token small hand out e-mail and custom claims at the userinfo endpoint
      // only; openid-client checks that its subject is the ID token's.
      if (claims[settings.matchClaim] === undefined && tokens.access_token && oidc.issuer.metadata.userinfo_endpoint) {
        claims = { ...(await oidc.userinfo(tokens)), ...claims };
      }
    } catch (error) {
      // Wrong state, an error answer from the provider, a bad token: no identity, so no person to name.
      this.logger.warn(`OpenID Connect sign-in failed: ${(error as Error).message}`);
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
