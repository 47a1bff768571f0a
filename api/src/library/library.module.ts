import { Module } from '@nestjs/common';
import { LibraryPermitObjects } from './library-permit-objects';
import { ModulesController } from './modules.controller';
import { ModulesRepository } from './modules.repository';
import { ModulesService } from './modules.service';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';
import { StarterLibraryService } from './starter-library.service';

/** The module library: modules and their versions, attachments, programs and their assignments, DigComp. */
@Module({
  controllers: [ModulesController, ProgramsController],
  providers: [
    ModulesRepository,
    ModulesService,
    ProgramsRepository,
    ProgramsService,
    StarterLibraryService,
    LibraryPermitObjects,
    ProposalsRepository,
    ProposalsService,
  ],
  exports: [ModulesRepository, ProgramsRepository],
})
export class LibraryModule {}
