import { Permission, PERMISSIONS, Role } from '@kunna/contracts';

/** Who the matrix signs in as (see WHO in authorization-matrix.ts), by the one role each holds. */
export type MatrixWho = 'staff' | 'ambassador' | 'manager' | 'areaManager' | 'hr' | 'admin' | 'coordinator';
export type MatrixScope = 'own' | 'sibling' | 'other';

/**
 * Each fixture person's one grant, and which of the matrix's objects it covers: `own` (unit U1, area A1,
 * organisation A), `sibling` (unit U2 of the same area and organisation) and `other` (organisation B of the same
 * network). Staff hold no grant (`Role.Staff` is anyone signed in).
 */
const FIXTURE_GRANTS: Record<MatrixWho, { role: Role; covers: MatrixScope[] } | null> = {
  staff: null,
  ambassador: { role: Role.Ambassador, covers: ['own'] },
  manager: { role: Role.Manager, covers: ['own'] },
  areaManager: { role: Role.AreaManager, covers: ['own', 'sibling'] },
  hr: { role: Role.Hr, covers: ['own', 'sibling'] },
  admin: { role: Role.OrgAdmin, covers: ['own', 'sibling'] },
  coordinator: { role: Role.NetworkCoordinator, covers: ['own', 'sibling', 'other'] },
};
const ALL = Object.keys(FIXTURE_GRANTS) as MatrixWho[];

export interface Expected {
  own: MatrixWho[];
  sibling?: MatrixWho[];
  other?: MatrixWho[];
}

/**
 * What the permission table says each matrix role gets: a holder of one of the permission's roles succeeds where its
 * grant covers the object; every other case is refused, and another organisation's object answers 404. Routes whose
 * behaviour is narrower or wider (a service rule, the caller's own record, shared network content) state it as an
 * exception in the matrix.
 */
export function expectedFromTable(permission: Permission): Expected {
  const rule = PERMISSIONS[permission];
  const roles: readonly Role[] = rule.roles;
  const holds = (who: MatrixWho) => roles.includes(Role.Staff) || (FIXTURE_GRANTS[who] !== null && roles.includes(FIXTURE_GRANTS[who].role));
  const covering = (scope: MatrixScope) =>
    ALL.filter((who) => holds(who) && (roles.includes(Role.Staff) || (FIXTURE_GRANTS[who]?.covers.includes(scope) ?? false)));
  switch (rule.object) {
    case 'self':
    case 'scopes':
      return { own: ALL.filter(holds) };
    case 'ownOrganisation':
      // The organisation itself: grants on a unit or an area do not cover it.
      return { own: covering('sibling') };
    default:
      return { own: covering('own'), sibling: covering('sibling'), other: covering('other') };
  }
}
