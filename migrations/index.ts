import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, in order. Migrations hold raw SQL and never import application code. */
export const MIGRATIONS = [Foundation1763900000000];
