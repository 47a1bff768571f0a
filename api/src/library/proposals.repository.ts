import { Injectable } from '@nestjs/common';
import { ModuleProposal, ModuleProposalStatus } from '@kunna/contracts';
import { Db } from '../database/db';

/** A proposal with the owner fields the service checks. */
export interface ProposalRow extends ModuleProposal {
  networkId: string;
}

const PROPOSAL_COLUMNS = `
  p.id, p.network_id, p.status, p.module_id, p.version_id, v.version_number, v.title, p.organisation_id,
  o.name as organisation_name, p.note, nullif(trim(pp.first_name || ' ' || pp.last_name), '') as proposed_by_name,
  to_char(p.proposed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as proposed_at,
  nullif(trim(dp.first_name || ' ' || dp.last_name), '') as decided_by_name,
  to_char(p.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as decided_at,
  p.decline_reason, p.shared_module_id`;

const PROPOSAL_FROM = `
  from library_module_proposal p
  join library_module_version v on v.id = p.version_id
  join organisation o on o.id = p.organisation_id
  left join person pp on pp.id = p.proposed_by
  left join person dp on dp.id = p.decided_by`;

interface ProposalDbRow {
  id: string;
  network_id: string;
  status: ModuleProposalStatus;
  module_id: string;
  version_id: string;
  version_number: number;
  title: string;
  organisation_id: string;
  organisation_name: string;
  note: string | null;
  proposed_by_name: string | null;
  proposed_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  shared_module_id: string | null;
}

/** Proposals of organisations' own modules to the network's shared library (row-level security applies). */
@Injectable()
export class ProposalsRepository {
  constructor(private readonly db: Db) {}

  async get(proposalId: string, lock = false): Promise<ProposalRow | null> {
    const rows: ProposalDbRow[] = await this.db.manager.query(`select ${PROPOSAL_COLUMNS} ${PROPOSAL_FROM} where p.id = $1 ${lock ? 'for update of p' : ''}`, [
      proposalId,
    ]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  /** Is the version proposed to the network and not yet decided? (Row-level security leaves only readable proposals.) */
  async isProposedVersion(versionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`select 1 from library_module_proposal where version_id = $1 and status = 'pending' limit 1`, [
      versionId,
    ]);
    return rows.length > 0;
  }

  /** The module's pending proposal, else its latest one. */
  async currentFor(moduleId: string): Promise<ProposalRow | null> {
    const rows: ProposalDbRow[] = await this.db.manager.query(
      `select ${PROPOSAL_COLUMNS} ${PROPOSAL_FROM} where p.module_id = $1
        order by (p.status = 'pending') desc, (p.status = 'accepted') desc, p.proposed_at desc limit 1`,
      [moduleId],
    );
    return rows[0] ? toProposal(rows[0]) : null;
  }

  /** Proposals of the network's organisations, oldest first. */
  async list(networkId: string, status: ModuleProposalStatus): Promise<ProposalRow[]> {
    const rows: ProposalDbRow[] = await this.db.manager.query(
      `select ${PROPOSAL_COLUMNS} ${PROPOSAL_FROM} where p.network_id = $1 and p.status = $2 order by p.proposed_at, p.id`,
      [networkId, status],
    );
    return rows.map(toProposal);
  }

  async insert(proposal: {
    networkId: string;
    organisationId: string;
    moduleId: string;
    versionId: string;
    note: string | null;
    personId: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_module_proposal (network_id, organisation_id, module_id, version_id, note, proposed_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [proposal.networkId, proposal.organisationId, proposal.moduleId, proposal.versionId, proposal.note, proposal.personId],
    );
    return rows[0].id;
  }

  async accept(proposalId: string, personId: string, sharedModuleId: string): Promise<void> {
    await this.db.manager.query(
      `update library_module_proposal set status = 'accepted', decided_by = $2, decided_at = now(), shared_module_id = $3
        where id = $1 and status = 'pending'`,
      [proposalId, personId, sharedModuleId],
    );
  }

  async decline(proposalId: string, personId: string, reason: string): Promise<void> {
    await this.db.manager.query(
      `update library_module_proposal set status = 'declined', decided_by = $2, decided_at = now(), decline_reason = $3
        where id = $1 and status = 'pending'`,
      [proposalId, personId, reason],
    );
  }

  /** Marks a shared module as the accepted copy of an organisation's module. */
  async recordProvenance(sharedModuleId: string, organisationId: string, fromModuleId: string): Promise<void> {
    await this.db.manager.query(`update library_module set proposed_by_organisation_id = $2, proposed_from_module_id = $3 where id = $1`, [
      sharedModuleId,
      organisationId,
      fromModuleId,
    ]);
  }

  /**
   * Copies the attachments of an organisation's version to a shared version as network-owned files: the
   * organisation's files stay readable to that organisation only.
   */
  async copyAttachmentsToNetwork(fromVersionId: string, toVersionId: string, networkId: string, personId: string): Promise<void> {
    const links: Array<{ attachment_id: string; title: string; position: number }> = await this.db.manager.query(
      `select attachment_id, title, position from library_version_attachment where version_id = $1 order by position`,
      [fromVersionId],
    );
    for (const link of links) {
      await this.db.manager.query(
        `with copied as (
           insert into library_attachment (network_id, organisation_id, file_name, content_type, byte_size, sha256, content, created_by)
           select $3, null, file_name, content_type, byte_size, sha256, content, $4 from library_attachment where id = $2
           returning id
         )
         insert into library_version_attachment (version_id, attachment_id, organisation_id, title, position)
         select $1, id, null, $5, $6 from copied`,
        [toVersionId, link.attachment_id, networkId, personId, link.title, link.position],
      );
    }
  }
}

function toProposal(row: ProposalDbRow): ProposalRow {
  return {
    id: row.id,
    networkId: row.network_id,
    status: row.status,
    moduleId: row.module_id,
    versionId: row.version_id,
    versionNumber: row.version_number,
    title: row.title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    note: row.note,
    proposedByName: row.proposed_by_name,
    proposedAt: row.proposed_at,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    sharedModuleId: row.shared_module_id,
  };
}

/** The proposal as the API answers it. */
export function withoutNetwork(row: ProposalRow): ModuleProposal {
  const { networkId: _networkId, ...proposal } = row;
  return proposal;
}
