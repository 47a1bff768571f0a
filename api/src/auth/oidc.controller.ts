import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { API_PREFIX, ApiRoutes, AuthConfig } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WithoutRequestTransaction } from '../database/request-transaction';
import { Public } from './access.decorator';
import { OidcPending, OidcService } from './oidc.service';
import { setSessionCookie } from './session-cookie';

/** Scoped to the OIDC routes; `__Host-` needs path=/, so the HTTPS variant carries `__Secure-`. */
const PENDING_PATH = `/${API_PREFIX}/auth/oidc`;

@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Tells the sign-in page whether to offer single sign-on. */
  @Public()
  @Get(ApiRoutes.auth.config)
  authConfig(): AuthConfig {
    return { oidc: this.oidc.enabled };
  }

  @Public()
  @WithoutRequestTransaction()
  @Get(ApiRoutes.auth.oidcStart)
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    response.setHeader('Cache-Control', 'no-store');
    await this.oidc.start(request, response, (pending) =>
      response.cookie(this.pendingCookieName(), JSON.stringify(pending), this.pendingCookieOptions(10 * 60_000)),
    );
  }

  /** Outside the request transaction: a refused sign-in must still be audited. */
  @Public()
  @WithoutRequestTransaction()
  @Get(ApiRoutes.auth.oidcCallback)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    const pending = this.readPending(request);
    // One use only, whatever the outcome: a replayed callback finds no pending sign-in.
    const { maxAge: _maxAge, ...clearOptions } = this.pendingCookieOptions(0);
    void _maxAge;
    response.clearCookie(this.pendingCookieName(), clearOptions);
    response.setHeader('Cache-Control', 'no-store');
    const outcome = await this.oidc.callback(request, response, pending, {
      ip: request.ip ?? null,
      userAgent: request.header('user-agent') ?? null,
    });
    const base = this.config.publicUrl.replace(/\/$/, '');
    if ('error' in outcome) {
      response.redirect(302, `${base}/logga-in?sso=${outcome.error}`);
      return;
    }
    setSessionCookie(response, outcome.session.token, this.config);
    response.redirect(302, `${base}/`);
  }

  private pendingCookieName(): string {
    return this.config.secureCookies ? '__Secure-kunna_oidc' : 'kunna_oidc';
  }

  /** Lax: the callback is a top-level navigation from the provider's site, which Strict would strip. */
  private pendingCookieOptions(maxAge: number): CookieOptions {
    return { httpOnly: true, secure: this.config.secureCookies, sameSite: 'lax', path: PENDING_PATH, maxAge };
  }

  private readPending(request: Request): OidcPending | null {
    const cookies = (request.cookies as Record<string, unknown> | undefined) ?? {};
    const raw = cookies[this.pendingCookieName()];
    if (typeof raw !== 'string' || raw.length > 1000) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<OidcPending>;
      return typeof parsed.state === 'string' && typeof parsed.nonce === 'string' && typeof parsed.code_verifier === 'string'
        ? { state: parsed.state, nonce: parsed.nonce, code_verifier: parsed.code_verifier }
        : null;
    } catch {
      return null;
    }
  }
}
