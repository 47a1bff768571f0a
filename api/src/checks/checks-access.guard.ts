import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, type AuthenticatedRequest, callerCanSee, callerCovers } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { ChecksRepository } from './checks.repository';

type CheckObjectKind = 'coreItem' | 'instrument' | 'version' | 'assignment' | 'round' | 'kioskResponse' | 'code';

interface CheckTargetRule {
  kind: CheckObjectKind;
  param: string;
}

const CHECK_TARGET = 'kunna:check-target';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9]{6,12}$/;

/**
 * Checks the object in the path before the body is read, with the route's `@Access` roles: another
 * organisation's object answers 404, one in a unit the caller's roles do not cover 403. The link code answers
 * 403 to someone outside the unit (they know the code; the check is not theirs).
 */
export const CheckTarget = (kind: CheckObjectKind, param: string) =>
  applyDecorators(SetMetadata(CHECK_TARGET, { kind, param } satisfies CheckTargetRule), UseGuards(ChecksAccessGuard));

@Injectable()
export class ChecksAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly repository: ChecksRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<CheckTargetRule | undefined>(CHECK_TARGET, context.getHandler());
    const access = this.reflector.get<AccessRule | undefined>(ACCESS_KEY, context.getHandler());
    if (!rule || !access) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    const value = request.params[rule.param];
    if (typeof value !== 'string' || !(rule.kind === 'code' ? CODE : UUID).test(value)) throw notFound();

    switch (rule.kind) {
      case 'coreItem': {
        const networkId = await this.repository.coreItemNetwork(value);
        if (networkId !== caller.networkId) throw notFound();
        return true;
      }
      case 'instrument': {
        const instrument = await this.repository.instrument(value);
        if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
        return true;
      }
      case 'version': {
        const version = await this.repository.version(value);
        if (!version || version.organisationId !== caller.organisationId) throw notFound();
        return true;
      }
      case 'code': {
        const round = await this.repository.roundByCode(value.toUpperCase());
        if (!round || round.organisationId !== caller.organisationId) throw notFound('Koden finns inte. Kontrollera den och försök igen.');
        const assignment = await this.repository.assignment(round.assignmentId);
        if (!assignment) throw notFound();
        const answering = (await this.repository.responseOf(round.id, caller.personId)) !== null;
        if (!answering && !(await this.repository.isInvited(assignment.id, round.opensOn, caller.personId))) {
          throw forbidden('Mätningen gäller en annan enhet än din.');
        }
        return true;
      }
      default: {
        let assignmentId: string | null = null;
        if (rule.kind === 'assignment') assignmentId = value;
        else if (rule.kind === 'round') assignmentId = (await this.repository.round(value))?.assignmentId ?? null;
        else {
          const response = await this.repository.response(value);
          const round = response?.via === 'kiosk' ? await this.repository.round(response.roundId) : null;
          assignmentId = round?.assignmentId ?? null;
        }
        const assignment = assignmentId ? await this.repository.assignment(assignmentId) : null;
        if (!assignment) throw notFound();
        const position = { networkId: assignment.networkId, organisationId: assignment.organisationId, areaIds: [assignment.areaId], unitIds: [assignment.unitId] };
        if (!callerCanSee(caller, access.roles, position)) throw notFound();
        if (!callerCovers(caller, access.roles, position)) throw forbidden();
        return true;
      }
    }
  }
}
