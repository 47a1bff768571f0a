import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PermissionRule, Role } from '@kunna/contracts';
import { type Caller, callerCanSee, callerCovers, PermitObjects } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { AnsweringRepository } from './answering/answering.repository';
import { InstrumentsRepository } from './instruments/instruments.repository';
import { RoundsRepository } from './rounds/rounds.repository';

const CODE = /^[A-Za-z0-9]{6,12}$/;

/**
 * The check objects that permissions name (libs/contracts/src/permissions.ts), with the permission's roles: another
 * organisation's object answers 404, one in a unit the caller's roles do not cover 403. The link code answers 403 to
 * someone outside the unit (they know the code; the check is not theirs).
 */
@Injectable()
export class ChecksPermitObjects implements OnModuleInit {
  constructor(
    private readonly objects: PermitObjects,
    private readonly instruments: InstrumentsRepository,
    private readonly rounds: RoundsRepository,
    private readonly answering: AnsweringRepository,
  ) {}

  onModuleInit(): void {
    this.objects.register('coreItem', { resolve: (caller, id) => this.coreItem(caller, id) });
    this.objects.register('instrument', { resolve: (caller, id, rule) => this.instrument(caller, id, rule) });
    this.objects.register('instrumentVersion', { resolve: (caller, id) => this.version(caller, id) });
    this.objects.register('checkCode', { idPattern: CODE, resolve: (caller, code) => this.code(caller, code) });
    this.objects.register('checkAssignment', { resolve: (caller, id, rule) => this.assignment(caller, id, rule) });
    this.objects.register('checkRound', {
      resolve: async (caller, id, rule) => this.assignment(caller, (await this.rounds.round(id))?.assignmentId ?? null, rule),
    });
    this.objects.register('kioskResponse', {
      resolve: async (caller, id, rule) => {
        const response = await this.answering.response(id);
        const round = response?.via === 'kiosk' ? await this.rounds.round(response.roundId) : null;
        return this.assignment(caller, round?.assignmentId ?? null, rule);
      },
    });
  }

  private async coreItem(caller: Caller, id: string) {
    const networkId = await this.instruments.coreItemNetwork(id);
    if (networkId !== caller.networkId) throw notFound();
    return networkId;
  }

  private async instrument(caller: Caller, id: string, rule: PermissionRule) {
    const instrument = await this.instruments.instrument(id);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    // Changing an instrument takes one of the roles on the organisation itself.
    const organisation = { networkId: caller.networkId, organisationId: instrument.organisationId, areaIds: [], unitIds: [] };
    if (rule.need === 'edit' && !callerCovers(caller, rule.roles as Role[], organisation)) throw forbidden();
    return instrument;
  }

  private async version(caller: Caller, id: string) {
    const version = await this.instruments.version(id);
    if (!version || version.organisationId !== caller.organisationId) throw notFound();
    return version;
  }

  private async code(caller: Caller, code: string) {
    const round = await this.rounds.roundByCode(code.toUpperCase());
    if (!round || round.organisationId !== caller.organisationId) throw notFound('Koden finns inte. Kontrollera den och försök igen.');
    const assignment = await this.rounds.assignment(round.assignmentId);
    if (!assignment) throw notFound();
    const answering = (await this.answering.responseOf(round.id, caller.personId)) !== null;
    if (!answering && !(await this.rounds.isInvited(assignment.id, round.opensOn, caller.personId))) {
      throw forbidden('Mätningen gäller en annan enhet än din.');
    }
    return round;
  }

  private async assignment(caller: Caller, assignmentId: string | null, rule: PermissionRule) {
    const assignment = assignmentId ? await this.rounds.assignment(assignmentId) : null;
    if (!assignment) throw notFound();
    const roles = rule.roles as Role[];
    const position = { networkId: assignment.networkId, organisationId: assignment.organisationId, areaIds: [assignment.areaId], unitIds: [assignment.unitId] };
    if (!callerCanSee(caller, roles, position)) throw notFound();
    if (!callerCovers(caller, roles, position)) throw forbidden();
    return assignment;
  }
}
