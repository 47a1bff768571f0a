import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { mayEditSession, maySeeSession } from './sessions-policy';
import { SessionsRepository } from './sessions.repository';

type SessionObjectKind = 'session' | 'series';
type SessionNeed = 'read' | 'edit';

interface SessionTargetRule {
  kind: SessionObjectKind;
  need: SessionNeed;
  param: string;
}

const SESSION_TARGET = 'kunna:session-target';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the session or series in the path before the body is read: another organisation's answers 404, one the
 * caller may see but not change 403. The global access guard has already checked the roles.
 */
export const SessionTarget = (kind: SessionObjectKind, need: SessionNeed, param: string) =>
  applyDecorators(SetMetadata(SESSION_TARGET, { kind, need, param } satisfies SessionTargetRule), UseGuards(SessionsAccessGuard));

@Injectable()
export class SessionsAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly repository: SessionsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<SessionTargetRule | undefined>(SESSION_TARGET, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    const id = request.params[rule.param];
    if (typeof id !== 'string' || !UUID.test(id)) throw notFound();

    const position =
      rule.kind === 'session' ? await this.repository.sessionRow(id) : await this.repository.seriesPosition(id);
    if (!position || position.organisationId !== caller.organisationId) throw notFound();
    if (!maySeeSession(caller, position)) throw forbidden();
    if (rule.need === 'edit' && !mayEditSession(caller, position)) throw forbidden('Du får inte ändra det här tillfället.');
    return true;
  }
}
