import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PermissionRule } from '@kunna/contracts';
import { type Caller, PermitObjects } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { canEdit, canSee, holdsLocalEditor, holdsNetworkCoordinator } from './library-access';
import { ModulesRepository } from './modules.repository';
import { mayReadVersion } from './modules.service';
import { ProgramsRepository } from './programs.repository';
import { ProposalsRepository } from './proposals.repository';

/**
 * The library objects that permissions name (libs/contracts/src/permissions.ts), checked before the body is read
 * or validated (guards run before pipes): another organisation's local content answers 404, content the caller may
 * see but not change 403.
 */
@Injectable()
export class LibraryPermitObjects implements OnModuleInit {
  constructor(
    private readonly objects: PermitObjects,
    private readonly modules: ModulesRepository,
    private readonly programs: ProgramsRepository,
    private readonly proposals: ProposalsRepository,
  ) {}

  onModuleInit(): void {
    this.objects.register('module', { resolve: (caller, id, rule) => this.module(caller, id, rule) });
    this.objects.register('moduleVersion', { resolve: (caller, id) => this.version(caller, id) });
    this.objects.register('attachment', { resolve: (caller, id) => this.attachment(caller, id) });
    this.objects.register('program', { resolve: (caller, id, rule) => this.program(caller, id, rule) });
  }

  private async module(caller: Caller, moduleId: string, rule: PermissionRule) {
    const header = await this.modules.header(moduleId);
    if (!header || !canSee(caller, header)) throw notFound();
    if (rule.need === 'edit' && !canEdit(caller, header)) {
      throw forbidden(
        header.organisationId === null
          ? 'Bara nätverkets samordnare ändrar moduler som delas i nätverket. Gör en egen version (anpassa) i stället.'
          : 'Bara HR och administratörer ändrar organisationens egna moduler.',
      );
    }
    // Whether this module can be adapted at all (a network module, published) is the service's 409.
    if (rule.need === 'adapt' && !holdsLocalEditor(caller, caller.organisationId)) {
      throw forbidden('Bara HR och administratörer kan göra en egen version av en delad modul.');
    }
    return header;
  }

  private async version(caller: Caller, versionId: string) {
    const owner = await this.modules.versionOwner(versionId);
    if (!owner) throw notFound();
    if (mayReadVersion(caller, owner, owner.status)) return owner;
    // The network's coordinator reads a version an organisation has proposed, to decide on it.
    if (holdsNetworkCoordinator(caller, owner.networkId) && (await this.proposals.isProposedVersion(versionId))) return owner;
    throw notFound();
  }

  private async attachment(caller: Caller, attachmentId: string) {
    const versions = await this.modules.attachmentVersions(attachmentId);
    if (!versions.some((version) => mayReadVersion(caller, version, version.status))) throw notFound();
    return versions;
  }

  private async program(caller: Caller, programId: string, rule: PermissionRule) {
    const header = await this.programs.header(programId);
    if (!header || !canSee(caller, header)) throw notFound();
    if (rule.need === 'edit' && !canEdit(caller, header)) throw forbidden('Du får inte ändra det här programmet.');
    return header;
  }
}
