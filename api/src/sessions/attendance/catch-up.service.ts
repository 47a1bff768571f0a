import { Injectable } from '@nestjs/common';
import { AuditService } from '../../database/audit.service';
import { CatchUpOverview } from '@kunna/contracts';
import { notFound } from '../../common/http-errors';
import { SchedulingRepository } from '../scheduling/scheduling.repository';
import { CatchUpRepository } from './catch-up.repository';

/**
 * Catch-up (ikapp): who missed a session of a program in force for the unit and has not attended the module since,
 * one proposed catch-up session per module with exactly those people, and follow-ups due for modules with a repeat
 * interval.
 */
@Injectable()
export class CatchUpService {
  constructor(
    private readonly repository: CatchUpRepository,
    private readonly sessions: SchedulingRepository,
    private readonly audit: AuditService,
  ) {}

  /** Names who missed what: individual data, so each read is in the audit log. */
  async overview(unitId: string): Promise<CatchUpOverview> {
    const unit = await this.sessions.unit(unitId);
    if (!unit) throw notFound();
    await this.audit.record({ action: 'catch_up.read', targetType: 'unit', targetId: unitId });
    const missed = await this.repository.missedProgramSessions(unitId);
    // The same person may have missed two sessions of one module (a program repeated): list them once per module.
    const proposals = new Map<string, { module: { id: string; title: string }; personIds: string[]; programId: string | null }>();
    for (const row of missed) {
      const proposal = proposals.get(row.moduleId) ?? { module: { id: row.moduleId, title: row.moduleTitle }, personIds: [], programId: row.programId };
      if (!proposal.personIds.includes(row.personId)) proposal.personIds.push(row.personId);
      proposals.set(row.moduleId, proposal);
    }
    return {
      unit: { id: unit.id, name: unit.name },
      missed: missed.map((row) => ({
        person: { id: row.personId, name: row.personName },
        missed: {
          sessionId: row.sessionId,
          module: { id: row.moduleId, title: row.moduleTitle },
          date: row.date,
          programId: row.programId,
          programTitle: row.programTitle,
        },
      })),
      proposals: [...proposals.values()],
      followUps: (await this.repository.followUpsDue(unitId)).map((row) => ({
        module: { id: row.moduleId, title: row.moduleTitle },
        lastSessionId: row.lastSessionId,
        lastDate: row.lastDate,
        repeatIntervalWeeks: row.repeatIntervalWeeks,
        dueDate: row.dueDate,
        attendedCount: row.attendedCount,
      })),
    };
  }
}
