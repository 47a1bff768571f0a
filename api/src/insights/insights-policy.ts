import { rolesOf } from '@kunna/contracts';

/**
 * Who sees and changes what in Insight (decided for this feature):
 * - a unit's team progress, plan and targets: its managers, the area manager, HR and administrators (the people
 *   who already see the unit's staff); ambassadors do not (they see sessions, not colleagues' progress);
 * - planning and targets: the unit's managers, HR and administrators;
 * - cost settings, cost report and the funders' participant report (names, gender, hours): HR and administrators of
 *   the organisation;
 * - participation by area, unit, role title and employment type: area managers (their areas), HR and administrators;
 *   groups below the organisation's minimum group size are suppressed (with differencing protection);
 * - network comparison: network coordinators, organisations' aggregates only;
 * - competence levels and gains from the before/after checks: unit managers (their units, and their unit's block on
 *   the team view), area managers (their areas), HR and administrators; suppressed like participation;
 * - competence profiles (target levels per role title): set by HR and administrators only; a unit's aggregate gap
 *   like the team view; each person sees their own gap.
 */
export const TEAM_ROLES = rolesOf('insights.team');
export const PLANNING_ROLES = rolesOf('insights.addPlanEntry');
export const COST_ROLES = rolesOf('insights.costSettings');
export const PARTICIPATION_ROLES = rolesOf('insights.participation');
export const NETWORK_ROLES = rolesOf('insights.networkParticipation');
export const COMPETENCE_ROLES = rolesOf('competence.unit');
export const PROFILE_ROLES = rolesOf('profiles.list');
