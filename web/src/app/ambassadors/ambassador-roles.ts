import { Role } from '@kunna/contracts';

/**
 * Who opens the ambassador overview: ambassadors (their own appointment and modules), managers, area
 * managers, HR and administrators (coverage in their scope) and network coordinators (counts per organisation).
 */
export const AMBASSADOR_PAGE_ROLES: readonly Role[] = [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator];
