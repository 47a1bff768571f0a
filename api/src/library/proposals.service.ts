import { Injectable } from '@nestjs/common';
import { ModuleProposal, ModuleProposalStatus } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { notFound, stateConflict } from '../common/http-errors';
import { holdsNetworkCoordinator } from './library-access';
import { contentOf } from './modules.service';
import { ModulesRepository } from './modules.repository';
import { ProposalRow, ProposalsRepository, withoutNetwork } from './proposals.repository';

/**
 * An organisation's own module proposed to the network: its editors (HR, administrators) propose the latest
 * published version; the network coordinator accepts it (a network-owned copy of that version joins the shared
 * library, with the proposing organisation as its provenance) or declines it with a reason.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly modules: ModulesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The library access guard has checked that the caller edits this module. A pending proposal is answered as it is. */
  async propose(caller: Caller, moduleId: string, note: string | null): Promise<ModuleProposal> {
    const module = await this.modules.header(moduleId, true);
    if (!module) throw notFound();
    if (module.organisationId === null) {
      throw stateConflict('Modulen delas redan i nätverket.', 'already_shared');
    }
    if (module.archived) throw stateConflict('Modulen är arkiverad. Ta tillbaka den först.', 'archived');
    const current = await this.proposals.currentFor(moduleId);
    if (current?.status === ModuleProposalStatus.Pending) return withoutNetwork(current);
    if (current?.status === ModuleProposalStatus.Accepted) {
      throw stateConflict('Modulen finns redan i nätverkets delade bibliotek.', 'already_accepted', {
        sharedModuleId: current.sharedModuleId,
      });
    }
    const version = await this.modules.latestPublished(moduleId);
    if (!version) throw stateConflict('Modulen är inte publicerad än.', 'not_published');
    const proposalId = await this.proposals.insert({
      networkId: module.networkId,
      organisationId: module.organisationId,
      moduleId,
      versionId: version.id,
      note,
      personId: caller.personId,
    });
    await this.audit.record({
      action: 'library.module.proposed',
      targetType: 'library_module',
      targetId: moduleId,
      details: { proposalId, versionId: version.id, versionNumber: version.versionNumber },
    });
    return withoutNetwork(await this.mustProposal(caller, proposalId));
  }

  async pending(caller: Caller): Promise<ModuleProposal[]> {
    this.mustCoordinate(caller);
    return (await this.proposals.list(caller.networkId, ModuleProposalStatus.Pending)).map(withoutNetwork);
  }

  /** A network-owned copy of the proposed version, published as version 1 of a new shared module. */
  async accept(caller: Caller, proposalId: string): Promise<ModuleProposal> {
    const proposal = await this.mustPending(caller, proposalId);
    const version = await this.modules.version(proposal.versionId);
    if (!version) throw notFound();
    const sharedModuleId = await this.modules.insertModule({
      networkId: proposal.networkId,
      organisationId: null,
      sourceModuleId: null,
      createdBy: caller.personId,
    });
    await this.proposals.recordProvenance(sharedModuleId, proposal.organisationId, proposal.moduleId);
    const shared = await this.modules.header(sharedModuleId);
    if (!shared) throw notFound();
    const versionId = await this.modules.insertDraft({
      module: shared,
      versionNumber: 1,
      content: contentOf(version),
      sourceVersionId: null,
      personId: caller.personId,
    });
    await this.proposals.copyAttachmentsToNetwork(version.id, versionId, proposal.networkId, caller.personId);
    await this.modules.publish(versionId, null, caller.personId);
    await this.proposals.accept(proposalId, caller.personId, sharedModuleId);
    await this.audit.record({
      action: 'library.proposal.accepted',
      targetType: 'library_module',
      targetId: sharedModuleId,
      details: {
        proposalId,
        proposedByOrganisationId: proposal.organisationId,
        originalModuleId: proposal.moduleId,
        originalVersionId: proposal.versionId,
      },
    });
    return withoutNetwork(await this.mustProposal(caller, proposalId));
  }

  async decline(caller: Caller, proposalId: string, reason: string): Promise<ModuleProposal> {
    const proposal = await this.mustPending(caller, proposalId);
    await this.proposals.decline(proposalId, caller.personId, reason);
    await this.audit.record({
      action: 'library.proposal.declined',
      targetType: 'library_module',
      targetId: proposal.moduleId,
      details: { proposalId, proposedByOrganisationId: proposal.organisationId },
    });
    return withoutNetwork(await this.mustProposal(caller, proposalId));
  }

  /** Row-level security already hides other networks' and (for non-coordinators) other organisations' proposals. */
  private async mustProposal(caller: Caller, proposalId: string, lock = false): Promise<ProposalRow> {
    const proposal = await this.proposals.get(proposalId, lock);
    if (!proposal || proposal.networkId !== caller.networkId) throw notFound();
    return proposal;
  }

  private async mustPending(caller: Caller, proposalId: string): Promise<ProposalRow> {
    this.mustCoordinate(caller);
    const proposal = await this.mustProposal(caller, proposalId, true);
    if (proposal.status !== ModuleProposalStatus.Pending) {
      throw stateConflict('Förslaget är redan avgjort.', 'proposal_decided', { status: proposal.status });
    }
    return proposal;
  }

  /** The access rule admits coordinators of any network; proposals are for the coordinators of the caller's own. */
  private mustCoordinate(caller: Caller): void {
    if (!holdsNetworkCoordinator(caller, caller.networkId)) throw notFound();
  }
}
