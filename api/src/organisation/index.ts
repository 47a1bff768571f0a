export { holdsOnOrganisation, unitsWhere, visibilityFor, type Visibility } from './visibility';
export { OrganisationRepository } from './organisation.repository';
export { OrganisationModule } from './organisation.module';
