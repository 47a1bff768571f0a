import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import * as openid from 'openid-client';
import { Strategy as OpenIdStrategy } from 'openid-client/passport';
import type { AuthenticateOptions as OpenIdAuthenticateOptions } from 'openid-client/passport';
import type { SsoError } from '@kunna/contracts';
import { ApiRoutes, API_PREFIX } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { APP_CONFIG, AppConfig, OidcConfig } from '../config/app-config';
import { AuthRepository } from './auth.repository';
import { AuthService, NewSession } from './auth.service';
import { SignInPassport } from './sign-in-passport';

/**
 * What the browser keeps between start and callback (HttpOnly cookie, 10 minutes): what openid-client's passport
 * strategy stores under its session key, here in a cookie instead of a server-side session.
 */
export interface OidcPending {
  code_verifier: string;
  state: string;
  nonce: string;
}

export type OidcOutcome = { session: NewSession } | { error: SsoError };

/** The key the strategy stores its pending sign-in under (`req.session[key]`). */
const PENDING_KEY = 'kunna_oidc';
const STRATEGY = 'oidc';

/**
 * openid-client's passport strategy, asking for `state` and `nonce` on every authorization request: the strategy
 * itself adds a state only when the provider does not support PKCE and a nonce only for implicit or hybrid flows.
 * It stores both with the PKCE verifier and checks them at the callback.
 */
class StateAndNonceStrategy extends OpenIdStrategy {
  override authorizationRequestParams<T extends OpenIdAuthenticateOptions>(request: Request, options: T): URLSearchParams {
    const params = new URLSearchParams(super.authorizationRequestParams(request, options));
    params.set('state', openid.randomState());
    params.set('nonce', openid.randomNonce());
    return params;
  }
}

/**
 * Single sign-on through the organisation's OpenID Connect provider with openid-client's passport strategy
 * (`openid-client/passport`): authorization code flow with PKCE, state and nonce; the strategy checks the state,
 * the ID token's signature, issuer, audience, expiry and nonce, and hands the tokens to `claimsOf`. Kunna then
 * names a person by a verified e-mail or by the employee number in a configured claim: exactly one active person
 * of the configured organisation, or no session. The strategy keeps its pending sign-in in `req.session`; Kunna
 * has no server-side session before sign-in, so the controller backs that with the pending cookie.
 *
 * openid-client 6 is published only as an ES module; the API is CommonJS and loads it with require(), which
 * Node (22.12+) does natively and synchronously for a module graph without top-level await, as this one is.
 * Jest compiles it to CommonJS instead (jest.preset.js).
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
    private readonly signInPassport: SignInPassport,
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

  /**
   * Discovery once, then the strategy on the application's passport; a failed discovery is retried at the next
   * sign-in rather than cached (the provider may be down when Kunna starts).
   */
  private discover(): Promise<openid.Configuration> {
    const settings = this.settings();
    if (!this.configuration) {
      const issuer = new URL(settings.issuer);
      this.configuration = openid
        .discovery(
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
        )
        .then((configuration) => {
          const strategy = new StateAndNonceStrategy(
            {
              config: configuration,
              name: STRATEGY,
              sessionKey: PENDING_KEY,
              callbackURL: this.redirectUri,
              scope: settings.matchClaim === 'email' ? 'openid email' : 'openid email profile',
            },
            (tokens, verified) => {
              this.claimsOf(configuration, tokens).then(
                (claims) => {
                  verified(null, claims);
                },
                (error: unknown) => {
                  verified(error);
                },
              );
            },
          );
          this.signInPassport.passport.use(STRATEGY, strategy);
          return configuration;
        });
      this.configuration.catch(() => (this.configuration = null));
    }
    return this.configuration;
  }

  /** Redirects the browser to the provider; `remember` keeps the pending sign-in (the cookie). */
  async start(request: Request, response: Response, remember: (pending: OidcPending) => void): Promise<void> {
    await this.discover();
    const session: Record<string, unknown> = {};
    // The strategy stores its pending sign-in here right before it redirects: into the cookie it goes.
    Object.defineProperty(session, PENDING_KEY, { set: (pending: OidcPending) => remember(pending), enumerable: true, configurable: true });
    Object.assign(request, { session });
    const outcome = await this.signInPassport.authenticate(STRATEGY, request, response);
    if (outcome !== 'redirected') throw new Error('the OpenID Connect strategy did not redirect to the provider');
  }

  async callback(
    request: Request,
    response: Response,
    pending: OidcPending | null,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<OidcOutcome> {
    const settings = this.settings();
    await this.discover();
    let claims: Record<string, unknown>;
    try {
      if (!pending) throw new Error('no pending sign-in (cookie missing or expired)');
      // Without a code or an error this is no answer from the provider (the strategy would start a new sign-in).
      if (typeof request.query['code'] !== 'string' && typeof request.query['error'] !== 'string') throw new Error('no authorization response');
      Object.assign(request, { session: { [PENDING_KEY]: pending } });
      const outcome = await this.signInPassport.authenticate<Record<string, unknown>>(STRATEGY, request, response);
      if (outcome === 'redirected') throw new Error('the OpenID Connect strategy redirected instead of answering');
      if (!outcome.user) throw new Error(`refused: ${describeInfo(outcome.info)}`);
      claims = outcome.user;
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
   * The strategy's verify step: the ID token's claims (the strategy checked the token), completed from the
   * userinfo endpoint when the matching claim is not in the ID token.
   */
  private async claimsOf(
    configuration: openid.Configuration,
    tokens: openid.TokenEndpointResponse & openid.TokenEndpointResponseHelpers,
  ): Promise<Record<string, unknown>> {
    const settings = this.settings();
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the provider answered without an ID token');
    let claims: Record<string, unknown> = { ...idToken };
    // Providers that keep the ID token small hand out e-mail and custom claims at the userinfo endpoint
    // only; openid-client checks that its subject is the ID token's.
    if (claims[settings.matchClaim] === undefined && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
    }
    return claims;
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

/** A strategy's reason for failing (`{ message }`, e.g. the provider's `access_denied`). */
function describeInfo(info: unknown): string {
  const message = (info as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : 'no reason given';
}
