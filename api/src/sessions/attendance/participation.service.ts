import { Injectable } from '@nestjs/common';
import { ACTIVITY_CATEGORIES, ActivityCategory, CategoryHours, ParticipationReport, PersonParticipation } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import type { Caller } from '../../auth';
import { Visibility, visibilityFor } from '../../organisation';
import { readTarget } from '../read-target';
import { READING_ROLES } from '../sessions-policy';
import { ParticipationRepository } from './participation.repository';
import { ParticipationQueryDto } from './attendance.dto';

export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Participation hours per person and activity category, from attendance and individual support (see README.md). */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly repository: ParticipationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Hours per named person: individual data, so each read is in the audit log. */
  async report(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationReport> {
    const report = await this.build(
      caller.organisationId,
      visibilityFor(caller, READING_ROLES),
      query.unitId ?? null,
      null,
      query.from ?? null,
      query.to ?? null,
    );
    await this.audit.record({
      action: 'participation.read',
      ...readTarget(query),
      details: { people: report.people.length, from: query.from ?? null, to: query.to ?? null },
    });
    return report;
  }

  mine(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationReport> {
    return this.build(
      caller.organisationId,
      { organisationWide: false, areaIds: [], unitIds: [] },
      null,
      caller.personId,
      query.from ?? null,
      query.to ?? null,
    );
  }

  private async build(
    organisationId: string,
    visibility: Visibility,
    unitId: string | null,
    personId: string | null,
    from: string | null,
    to: string | null,
  ): Promise<ParticipationReport> {
    const rows = await this.repository.participation({ organisationId, visibility, unitId, personId, from, to });
    const people = new Map<string, PersonParticipation & { minutesBy: Map<ActivityCategory, number> }>();
    const totals = new Map<ActivityCategory, number>();
    for (const row of rows) {
      const person = people.get(row.personId) ?? {
        person: { id: row.personId, name: row.personName },
        totalMinutes: 0,
        totalHours: 0,
        sessionCount: 0,
        byCategory: [],
        minutesBy: new Map<ActivityCategory, number>(),
      };
      if (row.category) {
        person.minutesBy.set(row.category, (person.minutesBy.get(row.category) ?? 0) + row.minutes);
        person.totalMinutes += row.minutes;
        person.sessionCount += row.sessions;
        totals.set(row.category, (totals.get(row.category) ?? 0) + row.minutes);
      }
      people.set(row.personId, person);
    }
    const toCategories = (minutesBy: Map<ActivityCategory, number>): CategoryHours[] =>
      ACTIVITY_CATEGORIES.filter((category) => (minutesBy.get(category) ?? 0) > 0).map((category) => ({
        category,
        minutes: minutesBy.get(category) ?? 0,
        hours: hours(minutesBy.get(category) ?? 0),
      }));
    const list = [...people.values()].map(({ minutesBy, ...person }) => ({
      ...person,
      totalHours: hours(person.totalMinutes),
      byCategory: toCategories(minutesBy),
    }));
    return {
      people: list,
      byCategory: toCategories(totals),
      totalMinutes: [...totals.values()].reduce((sum, minutes) => sum + minutes, 0),
      unnamedWalkInMinutes: personId ? 0 : await this.repository.unnamedWalkInMinutes({ organisationId, visibility, unitId, from, to }),
    };
  }
}
