import { Injectable } from '@nestjs/common';
import { StarterLibraryResult } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { Db } from '../database/db';
import { forbidden } from '../common/http-errors';
import { holdsNetworkCoordinator } from './library-access';
import { entityManagerRunner, loadStarterLibrary } from './starter-library/load-starter-library';

/** Loads Kunna's starter library into the coordinator's network, in the request's transaction. */
@Injectable()
export class StarterLibraryService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async load(caller: Caller): Promise<StarterLibraryResult> {
    if (!holdsNetworkCoordinator(caller, caller.networkId)) {
      throw forbidden('Bara samordnare i den egna organisationens nätverk kan ladda startbiblioteket.');
    }
    const loaded = await loadStarterLibrary(entityManagerRunner(this.db.manager), caller.networkId, caller.personId);
    const result: StarterLibraryResult = {
      modulesCreated: loaded.modulesCreated,
      modulesExisting: loaded.modulesExisting,
      programsCreated: loaded.programsCreated,
      programsExisting: loaded.programsExisting,
    };
    if (loaded.modulesCreated > 0 || loaded.programsCreated > 0) {
      await this.audit.record({ action: 'library.starter_library.loaded', targetType: 'network', targetId: caller.networkId, details: { ...result } });
    }
    return result;
  }
}
