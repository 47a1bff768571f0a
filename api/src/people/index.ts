export { escapeLike } from './people.service';
export { PeopleModule } from './people.module';
