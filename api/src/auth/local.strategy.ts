import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { IStrategyOptionsWithRequest, Strategy, VerifyFunctionWithRequest } from 'passport-local';
import { ApiValidationPipe } from '../common/validation-pipe';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Secrets } from '../config/secrets';
import { AuthService, NewSession, SignInClient } from './auth.service';
import { readDevice } from './device-cookie';
import { SignInDto } from './dto/auth.dto';
import { SignInPassport } from './sign-in-passport';

type OwnPassport = SignInPassport['passport'];

/** Who is signing in from where: address, browser and the device cookie (device-cookie.ts). */
export function signInClient(request: Request, config: AppConfig, secrets: Secrets): SignInClient {
  return {
    ip: request.ip ?? null,
    userAgent: request.header('user-agent') ?? null,
    device: readDevice(request, config, secrets),
  };
}

/** passport-local that registers itself on the application's passport (PassportStrategy calls `getPassportInstance`). */
class LocalStrategyOnOwnPassport extends Strategy {
  readonly ownPassport: OwnPassport;

  constructor(options: IStrategyOptionsWithRequest & { passport: OwnPassport }, verify: VerifyFunctionWithRequest) {
    super(options, verify);
    this.ownPassport = options.passport;
  }
}

/**
 * Password sign-in as a passport-local strategy: the identifier and password from the body, the chosen
 * organisation beside them. `AuthService.signIn` checks them with everything around it (the normalised
 * identifier, throttling and progressive delays, organisation choice, audit) and starts the session, which
 * becomes the request's user; its refusals (401, 429, 400 `organisationRequired`) pass through unchanged.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyOnOwnPassport, 'local') {
  constructor(
    private readonly auth: AuthService,
    signInPassport: SignInPassport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: Secrets,
  ) {
    super({ usernameField: 'identifier', passwordField: 'password', passReqToCallback: true, session: false, passport: signInPassport.passport });
  }

  /** Read by PassportStrategy's constructor to register this strategy (after the base class stored it). */
  getPassportInstance(): OwnPassport {
    return this.ownPassport;
  }

  validate(request: Request, identifier: string, password: string): Promise<NewSession> {
    const organisationId = (request.body as SignInDto).organisationId ?? null;
    return this.auth.signIn(identifier, password, organisationId, signInClient(request, this.config, this.secrets));
  }
}

/**
 * The sign-in route's guard: runs the `local` strategy (as @nestjs/passport's `AuthGuard('local')` would, on
 * the application's own passport). Guards run before Nest's pipes, so the body is validated here first with
 * the route's DTO: a missing field is the same 400 naming it, not passport-local's bare "Missing credentials".
 */
@Injectable()
export class PasswordSignInGuard implements CanActivate {
  private readonly body = new ApiValidationPipe();

  constructor(private readonly signInPassport: SignInPassport) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await this.body.transform(request.body, { type: 'body', metatype: SignInDto });
    const outcome = await this.signInPassport.authenticate<NewSession>('local', request, context.switchToHttp().getResponse());
    if (outcome === 'redirected' || !outcome.user) throw new UnauthorizedException('Fel inloggningsuppgifter.');
    request.user = outcome.user;
    return true;
  }
}
