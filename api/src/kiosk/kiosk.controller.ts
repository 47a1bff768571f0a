import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiRoutes, CurrentUser, KioskCredential } from '@kunna/contracts';
import { type Caller, CallerParam, KIOSK_CREDENTIAL, Permit, setSessionCookie } from '../auth';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WithoutRequestTransaction } from '../database/request-transaction';
import { LeaveKioskDto } from './dto/kiosk.dto';
import { KioskClient, KioskService } from './kiosk.service';

/**
 * The locked kiosk tablet. Starting is the ambassador's (or manager's) own request; the answer replaces the
 * device's session cookie with the kiosk credential. The credential's routes are the round's kiosk routes in
 * checks/answering/answering.controller.ts and the two here (its state, leaving).
 */
@ApiTags('kiosk')
@Controller()
export class KioskController {
  constructor(
    private readonly kiosk: KioskService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Permit('kiosk.start', { checkRound: 'roundId' })
  @Post(ApiRoutes.checks.kioskCredential)
  @HttpCode(200)
  async start(
    @CallerParam() caller: Caller,
    @Param('roundId') roundId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KioskCredential> {
    const { session, credential } = await this.kiosk.start(caller, roundId, clientOf(request));
    setSessionCookie(response, session.token, this.config);
    response.setHeader('Cache-Control', 'no-store');
    return credential;
  }

  @Permit('kiosk.current', undefined, { kiosk: KIOSK_CREDENTIAL })
  @Get(ApiRoutes.kiosk.current)
  current(@CallerParam() caller: Caller, @Res({ passthrough: true }) response: Response): KioskCredential {
    response.setHeader('Cache-Control', 'no-store');
    return this.kiosk.current(caller);
  }

  /** Outside the request transaction: a wrong password must still count towards the lock. */
  @Permit('kiosk.leave', undefined, { kiosk: KIOSK_CREDENTIAL })
  @WithoutRequestTransaction()
  @Post(ApiRoutes.kiosk.leave)
  @HttpCode(200)
  async leave(
    @CallerParam() caller: Caller,
    @Body() body: LeaveKioskDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const { session, user } = await this.kiosk.leave(caller, body.password, clientOf(request));
    setSessionCookie(response, session.token, this.config);
    response.setHeader('Cache-Control', 'no-store');
    return user;
  }
}

function clientOf(request: Request): KioskClient {
  return { ip: request.ip ?? null, userAgent: request.header('user-agent') ?? null };
}
