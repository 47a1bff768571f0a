import { AuthSessionEntity, CredentialEntity, OneTimeCodeEntity } from '../auth/auth.entities';
import { ImportRunEntity } from '../imports/import-run.entity';

/**
 * The tables written through TypeORM's entity API (`manager.insert`, `manager.findOne`) rather than SQL. Only these
 * have entities: the migrations are the one description of the schema, and the row types of the repositories' SQL
 * are checked against it (row-types.int-spec.ts); schema-drift.int-spec.ts checks that these entities fit it too.
 */
export const ENTITIES = [CredentialEntity, OneTimeCodeEntity, AuthSessionEntity, ImportRunEntity];
