import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService, NewSession } from './auth.service';

/** Passport's local strategy checks the credentials; the session itself is Kunna's own (server-side, in PostgreSQL). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'identifier', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: Request, identifier: string, password: string): Promise<NewSession> {
    const body = request.body as { organisationId?: string };
    return this.auth.signIn(identifier, password, body.organisationId ?? null, {
      ip: request.ip ?? null,
      userAgent: request.header('user-agent') ?? null,
    });
  }
}
