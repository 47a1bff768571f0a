import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { PersonAccountController } from './person-account.controller';
import { PersonAccountService } from './person-account.service';
import { PersonRolesController } from './person-roles.controller';
import { PersonRolesService } from './person-roles.service';

@Module({
  imports: [OrganisationModule],
  controllers: [PeopleController, PersonAccountController, PersonRolesController],
  providers: [PeopleService, PeopleRepository, PersonAccountService, PersonRolesService],
  exports: [PeopleRepository],
})
export class PeopleModule {}
