import { Permission } from '@kunna/contracts';

/**
 * Who opens the ambassador overview: ambassadors (their own appointment and modules), managers, area
 * managers, HR and administrators (coverage in their scope) and network coordinators (counts per organisation).
 */
export const AMBASSADOR_PAGE_PERMISSIONS: readonly Permission[] = ['ambassadors.appointment', 'ambassadors.networkCoverage'];
