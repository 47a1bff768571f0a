import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { mayAppoint, maySeeAppointment, mayQualify } from './ambassador-policy';
import { AmbassadorsRepository } from './ambassadors.repository';

type AmbassadorObjectKind = 'appointment' | 'qualification';
type AmbassadorNeed = 'read' | 'edit';

interface AmbassadorTargetRule {
  kind: AmbassadorObjectKind;
  need: AmbassadorNeed;
  param: string;
}

const AMBASSADOR_TARGET = 'kunna:ambassador-target';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the appointment or qualification in the path before the body is read: another organisation's answers
 * 404, one the caller may see but not change 403. The global access guard has already checked the roles.
 */
export const AmbassadorTarget = (kind: AmbassadorObjectKind, need: AmbassadorNeed, param: string) =>
  applyDecorators(SetMetadata(AMBASSADOR_TARGET, { kind, need, param } satisfies AmbassadorTargetRule), UseGuards(AmbassadorsAccessGuard));

@Injectable()
export class AmbassadorsAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly repository: AmbassadorsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<AmbassadorTargetRule | undefined>(AMBASSADOR_TARGET, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    const id = request.params[rule.param];
    if (typeof id !== 'string' || !UUID.test(id)) throw notFound();

    if (rule.kind === 'appointment') {
      const appointment = await this.repository.appointmentRow(id);
      if (!appointment || appointment.organisationId !== caller.organisationId) throw notFound();
      const units = await this.repository.units(appointment.unitIds);
      if (!maySeeAppointment(caller, units, appointment.personId)) throw forbidden();
      if (rule.need === 'edit' && !appointment.unitIds.every((unitId) => mayAppoint(caller, unitId, appointment.personId))) {
        throw forbidden('Du får inte ändra det här uppdraget.');
      }
      return true;
    }
    const qualification = await this.repository.qualificationRow(id);
    if (!qualification || qualification.organisationId !== caller.organisationId) throw notFound();
    if (rule.need === 'edit' && !mayQualify(caller)) throw forbidden('Bara HR och administratörer ändrar behörigheter.');
    return true;
  }
}
