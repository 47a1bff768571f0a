import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiRoutes, CurrentUser, OrganisationSummary, SessionInfo } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WithoutRequestTransaction } from '../database/request-transaction';
import { Permit, Public } from './access.decorator';
import { AuthService, NewSession } from './auth.service';
import { setDeviceCookie } from './device-cookie';
import { Secrets } from '../config/secrets';
import { CallerParam } from './caller.decorator';
import type { Caller } from './caller';
import { ChangePasswordDto, RedeemCodeDto, SetLanguageDto, SignInDto } from './dto/auth.dto';
import { PasswordSignInGuard, signInClient } from './local.strategy';
import { OrganisationDirectory } from './organisation-directory';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly directory: OrganisationDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: Secrets,
  ) {}

  /** Organisation names for the sign-in form (employee numbers are unique per organisation only). */
  @Public()
  @Get(ApiRoutes.auth.organisations)
  organisations(): Promise<OrganisationSummary[]> {
    return this.directory.list();
  }

  /**
   * Outside the request transaction: a failed attempt must still count towards the lock-out. The `local`
   * passport strategy (local.strategy.ts) checks the body and the credentials and leaves the new session
   * as the request's user.
   */
  @Public()
  @WithoutRequestTransaction()
  @UseGuards(PasswordSignInGuard)
  @ApiBody({ type: SignInDto })
  @Post(ApiRoutes.auth.signIn)
  @HttpCode(200)
  async signIn(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CurrentUser> {
    const session = request.user as NewSession;
    setSessionCookie(response, session.token, this.config);
    if (session.device) setDeviceCookie(response, session.device, this.config);
    response.setHeader('Cache-Control', 'no-store');
    return this.auth.currentUser(session.caller);
  }

  /** Outside the request transaction: a wrong code must still count towards the address's limit. */
  @Public()
  @WithoutRequestTransaction()
  @Post(ApiRoutes.auth.redeem)
  @HttpCode(200)
  async redeem(@Body() body: RedeemCodeDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CurrentUser> {
    const session = await this.auth.redeem(body.code, body.newPassword, signInClient(request, this.config, this.secrets));
    setSessionCookie(response, session.token, this.config);
    if (session.device) setDeviceCookie(response, session.device, this.config);
    return this.auth.currentUser(session.caller);
  }

  @Permit('auth.signOut')
  @Post(ApiRoutes.auth.signOut)
  @HttpCode(204)
  async signOut(@CallerParam() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.signOut(caller);
    clearSessionCookie(response, this.config);
  }

  @Permit('auth.me')
  @Get(ApiRoutes.auth.me)
  me(@CallerParam() caller: Caller): Promise<CurrentUser> {
    return this.auth.currentUser(caller);
  }

  /** Outside the request transaction: a wrong current password must still count towards the lock-out. */
  @Permit('auth.changePassword')
  @WithoutRequestTransaction()
  @Put(ApiRoutes.auth.password)
  @HttpCode(204)
  changePassword(@CallerParam() caller: Caller, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  /** Everyone chooses their own language (staff too: they have no other way to change their record). */
  @Permit('auth.setLanguage')
  @Put(ApiRoutes.auth.language)
  setLanguage(@CallerParam() caller: Caller, @Body() body: SetLanguageDto): Promise<CurrentUser> {
    return this.auth.setLanguage(caller, body.preferredLanguage);
  }

  @Permit('auth.sessions')
  @Get(ApiRoutes.auth.sessions)
  sessions(@CallerParam() caller: Caller): Promise<SessionInfo[]> {
    return this.auth.listSessions(caller);
  }

  @Permit('auth.endSession')
  @Delete(ApiRoutes.auth.session)
  @HttpCode(204)
  endSession(@CallerParam() caller: Caller, @Param('sessionId') sessionId: string): Promise<void> {
    return this.auth.endSession(caller, sessionId);
  }
}
