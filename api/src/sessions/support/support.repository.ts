import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { Visibility } from '../../organisation';

/** Individual support entries (support_entries) and who may be supported in a unit's name. */
@Injectable()
export class SupportRepository {
  constructor(private readonly db: Db) {}

  async insertSupportEntry(entry: {
    id: string | null;
    organisationId: string;
    unitId: string;
    personId: string;
    ambassadorId: string;
    date: string;
    minutes: number;
    topic: string;
    moduleId: string | null;
    notes: string | null;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into support_entries (id, organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, module_id, notes)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [entry.id, entry.organisationId, entry.unitId, entry.personId, entry.ambassadorId, entry.date, entry.minutes, entry.topic, entry.moduleId, entry.notes],
    );
    return rows[0].id;
  }

  /** Is the person a member of the unit on `day`, or were they present at one of its sessions? */
  async memberOrWalkInOf(personId: string, unitId: string, day: string): Promise<boolean> {
    const rows: Array<{ ok: boolean }> = await this.db.manager.query(
      `select exists (select 1 from unit_membership m
                       where m.person_id = $1 and m.unit_id = $2 and m.start_date <= $3::date and (m.end_date is null or m.end_date >= $3::date))
           or exists (select 1 from attendance_marks a join sessions s on s.id = a.session_id
                       where a.person_id = $1 and s.unit_id = $2 and a.status in ('present', 'partial')) as ok`,
      [personId, unitId, day],
    );
    return rows[0]?.ok ?? false;
  }

  async supportEntryOwner(id: string): Promise<{ organisationId: string; unitId: string; personId: string } | null> {
    const rows = await this.db.manager.query<Array<{ organisationId: string; unitId: string; personId: string }>>(
      `select organisation_id as "organisationId", unit_id as "unitId", person_id as "personId" from support_entries where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Entries of visible units, or of the person themself; notes are filtered by the service. */
  async supportEntries(filter: { organisationId: string; visibility: Visibility; selfId: string; unitId?: string; personId?: string; ids?: string[] }): Promise<
    Array<{
      id: string;
      personId: string;
      personName: string;
      unitId: string;
      unitName: string;
      ambassadorId: string;
      ambassadorName: string;
      date: string;
      minutes: number;
      topic: string;
      moduleId: string | null;
      moduleTitle: string | null;
      notes: string | null;
    }>
  > {
    return this.db.manager.query(
      `select e.id, p.id as "personId", p.first_name || ' ' || p.last_name as "personName", u.id as "unitId", u.name as "unitName",
              a.id as "ambassadorId", a.first_name || ' ' || a.last_name as "ambassadorName", e.date::text as date, e.minutes, e.topic,
              e.module_id as "moduleId",
              (select v.title from library_module_version v where v.module_id = e.module_id and v.status = 'published'
                order by v.version_number desc limit 1) as "moduleTitle",
              e.notes
         from support_entries e
         join person p on p.id = e.person_id
         join person a on a.id = e.ambassador_id
         join unit u on u.id = e.unit_id
        where e.organisation_id = $1
          and ($2::boolean or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[]) or e.person_id = $5)
          and ($6::uuid is null or e.unit_id = $6)
          and ($7::uuid is null or e.person_id = $7)
          and ($8::uuid[] is null or e.id = any($8::uuid[]))
        order by e.date desc, e.created_at desc
        limit 1000`,
      [
        filter.organisationId,
        filter.visibility.organisationWide,
        filter.visibility.areaIds,
        filter.visibility.unitIds,
        filter.selfId,
        filter.unitId ?? null,
        filter.personId ?? null,
        filter.ids ?? null,
      ],
    );
  }
}
