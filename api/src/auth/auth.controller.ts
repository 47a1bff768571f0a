import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiRoutes, CurrentUser, OrganisationSummary, Role, SessionInfo } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WithoutRequestTransaction } from '../database/transaction.interceptor';
import { Access, Public, SELF } from './access.decorator';
import { AuthService, SignInClient } from './auth.service';
import { readDevice, setDeviceCookie } from './device-cookie';
import { Secrets } from '../config/secrets';
import { CallerParam } from './caller.decorator';
import type { Caller } from './caller';
import { ChangePasswordDto, RedeemCodeDto, SetLanguageDto, SignInDto } from './dto/auth.dto';
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
   * Outside the request transaction: a failed attempt must still count towards the lock-out. The body
   * is validated by the global pipe (400 naming the field); the credentials are checked by AuthService.
   */
  @Public()
  @WithoutRequestTransaction()
  @Post(ApiRoutes.auth.signIn)
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CurrentUser> {
    const session = await this.auth.signIn(body.identifier, body.password, body.organisationId ?? null, this.client(request));
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
    const session = await this.auth.redeem(body.code, body.newPassword, this.client(request));
    setSessionCookie(response, session.token, this.config);
    if (session.device) setDeviceCookie(response, session.device, this.config);
    return this.auth.currentUser(session.caller);
  }

  private client(request: Request): SignInClient {
    return {
      ip: request.ip ?? null,
      userAgent: request.header('user-agent') ?? null,
      device: readDevice(request, this.config, this.secrets),
    };
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Post(ApiRoutes.auth.signOut)
  @HttpCode(204)
  async signOut(@CallerParam() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.signOut(caller);
    clearSessionCookie(response, this.config);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Get(ApiRoutes.auth.me)
  me(@CallerParam() caller: Caller): Promise<CurrentUser> {
    return this.auth.currentUser(caller);
  }

  /** Outside the request transaction: a wrong current password must still count towards the lock-out. */
  @Access({ roles: [Role.Staff], target: SELF })
  @WithoutRequestTransaction()
  @Put(ApiRoutes.auth.password)
  @HttpCode(204)
  changePassword(@CallerParam() caller: Caller, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  /** Everyone chooses their own language (staff too: they have no other way to change their record). */
  @Access({ roles: [Role.Staff], target: SELF })
  @Put(ApiRoutes.auth.language)
  setLanguage(@CallerParam() caller: Caller, @Body() body: SetLanguageDto): Promise<CurrentUser> {
    return this.auth.setLanguage(caller, body.preferredLanguage);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Get(ApiRoutes.auth.sessions)
  sessions(@CallerParam() caller: Caller): Promise<SessionInfo[]> {
    return this.auth.listSessions(caller);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Delete(`${ApiRoutes.auth.sessions}/:sessionId`)
  @HttpCode(204)
  endSession(@CallerParam() caller: Caller, @Param('sessionId') sessionId: string): Promise<void> {
    return this.auth.endSession(caller, sessionId);
  }
}
