import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest, Caller } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { canEdit, canSee, holdsLocalEditor, holdsNetworkCoordinator } from './library-access';
import { ModulesRepository } from './modules.repository';
import { mayReadVersion } from './modules.service';
import { ProgramsRepository } from './programs.repository';
import { ProposalsRepository } from './proposals.repository';

export type LibraryObjectKind = 'module' | 'version' | 'attachment' | 'program';
export type LibraryNeed = 'read' | 'edit' | 'adapt';

interface LibraryTargetRule {
  kind: LibraryObjectKind;
  need: LibraryNeed;
  param: string;
}

const LIBRARY_TARGET = 'kunna:library-target';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the library object named in the path before the body is read or validated (guards run before
 * pipes): another organisation's local content answers 404, content the caller may see but not change 403.
 * The global access guard has already checked the caller's roles.
 */
export const LibraryTarget = (kind: LibraryObjectKind, need: LibraryNeed, param: string) =>
  applyDecorators(SetMetadata(LIBRARY_TARGET, { kind, need, param } satisfies LibraryTargetRule), UseGuards(LibraryAccessGuard));

@Injectable()
export class LibraryAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModulesRepository,
    private readonly programs: ProgramsRepository,
    private readonly proposals: ProposalsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<LibraryTargetRule | undefined>(LIBRARY_TARGET, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    const id = request.params[rule.param];
    if (typeof id !== 'string' || !UUID.test(id)) throw notFound();

    switch (rule.kind) {
      case 'module':
        return this.checkModule(caller, id, rule.need);
      case 'version': {
        const owner = await this.modules.versionOwner(id);
        if (!owner) throw notFound();
        if (mayReadVersion(caller, owner, owner.status)) return true;
        // The network's coordinator reads a version an organisation has proposed, to decide on it.
        if (holdsNetworkCoordinator(caller, owner.networkId) && (await this.proposals.isProposedVersion(id))) return true;
        throw notFound();
      }
      case 'attachment': {
        const versions = await this.modules.attachmentVersions(id);
        if (!versions.some((version) => mayReadVersion(caller, version, version.status))) throw notFound();
        return true;
      }
      case 'program': {
        const header = await this.programs.header(id);
        if (!header || !canSee(caller, header)) throw notFound();
        if (rule.need === 'edit' && !canEdit(caller, header)) throw forbidden('Du får inte ändra det här programmet.');
        return true;
      }
    }
  }

  private async checkModule(caller: Caller, moduleId: string, need: LibraryNeed): Promise<boolean> {
    const header = await this.modules.header(moduleId);
    if (!header || !canSee(caller, header)) throw notFound();
    if (need === 'edit' && !canEdit(caller, header)) {
      throw forbidden(
        header.organisationId === null
          ? 'Bara nätverkets samordnare ändrar moduler som delas i nätverket. Gör en egen version (anpassa) i stället.'
          : 'Bara HR och administratörer ändrar organisationens egna moduler.',
      );
    }
    // Whether this module can be adapted at all (a network module, published) is the service's 409.
    if (need === 'adapt' && !holdsLocalEditor(caller, caller.organisationId)) {
      throw forbidden('Bara HR och administratörer kan göra en egen version av en delad modul.');
    }
    return true;
  }
}
