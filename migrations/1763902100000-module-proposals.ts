import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation proposes one of its own modules to the network; the network coordinator accepts it (a
 * network-owned copy joins the shared library) or declines it with a reason (api/src/library/proposals.service.ts).
 *
 * `library_module_proposal` belongs to the proposing organisation: it sees its own proposals, and a coordinator
 * reads those of the network's organisations (`kunna_organisations()` holds them for coordinators only). Deciding
 * is a write by the coordinator on another organisation's row, so the write check also admits a row of the
 * caller's network among the organisations it may read: only coordinators read beyond their own organisation.
 *
 * The shared copy carries its provenance on `library_module` (the proposing organisation and the original module),
 * readable with the module by everyone in the network; who proposed, who accepted and when stay on the proposal.
 */
export class ModuleProposals1763902100000 implements MigrationInterface {
  name = 'ModuleProposals1763902100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table library_module_proposal (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        organisation_id uuid not null references organisation(id),
        module_id uuid not null references library_module(id),
        version_id uuid not null references library_module_version(id),
        note text check (note is null or length(note) <= 1000),
        status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
        proposed_by uuid references person(id),
        proposed_at timestamptz not null default now(),
        decided_by uuid references person(id),
        decided_at timestamptz,
        decline_reason text check (decline_reason is null or length(decline_reason) <= 1000),
        shared_module_id uuid references library_module(id),
        check ((status = 'pending') = (decided_at is null)),
        check ((status = 'accepted') = (shared_module_id is not null)),
        check ((status = 'declined') = (decline_reason is not null))
      )`);
    await q.query(`create unique index library_module_proposal_pending_idx on library_module_proposal(module_id) where status = 'pending'`);
    await q.query(`create index library_module_proposal_network_idx on library_module_proposal(network_id, status)`);
    await q.query(`create index library_module_proposal_organisation_idx on library_module_proposal(organisation_id)`);
    await q.query(`select kunna_enable_tenant_rls('library_module_proposal'::regclass, null)`);
    const system = `(select kunna_system_for('library_module_proposal'::regclass))`;
    await q.query(`drop policy tenant_isolation on library_module_proposal`);
    await q.query(`
      create policy tenant_isolation on library_module_proposal
        using (${system} or organisation_id = any ((select kunna_organisations())::uuid[]))
        with check (${system} or organisation_id = (select kunna_organisation())
                    or (network_id = (select kunna_network()) and organisation_id = any ((select kunna_organisations())::uuid[])))`);

    await q.query(`alter table library_module add column proposed_by_organisation_id uuid references organisation(id)`);
    await q.query(`alter table library_module add column proposed_from_module_id uuid references library_module(id)`);
    await q.query(`
      alter table library_module add constraint library_module_proposed_shared
        check ((proposed_by_organisation_id is null) = (proposed_from_module_id is null)
               and (proposed_by_organisation_id is null or ownership = 'network'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table library_module drop constraint library_module_proposed_shared`);
    await q.query(`alter table library_module drop column proposed_from_module_id`);
    await q.query(`alter table library_module drop column proposed_by_organisation_id`);
    await q.query(`drop table library_module_proposal`);
  }
}
