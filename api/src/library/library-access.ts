import { Role, ScopeType, rolesOf } from '@kunna/contracts';
import { type Caller } from '../auth';

/**
 * Who may do what in the library (decided for this feature):
 * - network (shared) modules and programs: network coordinators of the network create, edit, publish and archive;
 * - local modules and programs: HR and administrators of the owning organisation. Ambassadors do not edit:
 *   content is the employer's responsibility; ambassadors propose changes to HR or their coordinator;
 * - everyone signed in reads the published network modules of their network and their own organisation's
 *   published local modules; drafts are for editors only; another organisation's local content does not exist (404);
 * - HR and administrators adapt a network module into a copy for their own organisation.
 */

/** The owner of a module or program. */
export interface LibraryOwner {
  networkId: string;
  /** Null for network (shared) content. */
  organisationId: string | null;
}

/** Roles that edit an organisation's local content. */
export const LOCAL_EDITOR_ROLES = rolesOf('modules.adapt');

/** May the caller know that the content exists? */
export function canSee(caller: Caller, owner: LibraryOwner): boolean {
  if (owner.networkId !== caller.networkId) return false;
  return owner.organisationId === null || owner.organisationId === caller.organisationId;
}

export function holdsNetworkCoordinator(caller: Caller, networkId: string): boolean {
  return caller.grants.some((grant) => grant.role === Role.NetworkCoordinator && grant.scopeType === ScopeType.Network && grant.scopeId === networkId);
}

export function holdsLocalEditor(caller: Caller, organisationId: string): boolean {
  return caller.grants.some(
    (grant) => LOCAL_EDITOR_ROLES.includes(grant.role) && grant.scopeType === ScopeType.Organisation && grant.scopeId === organisationId,
  );
}

/** May the caller edit, publish and archive the content (and see its drafts)? */
export function canEdit(caller: Caller, owner: LibraryOwner): boolean {
  if (!canSee(caller, owner)) return false;
  return owner.organisationId === null ? holdsNetworkCoordinator(caller, owner.networkId) : holdsLocalEditor(caller, owner.organisationId);
}

/** May the caller make an own copy of network content for their organisation? */
export function canAdapt(caller: Caller, owner: LibraryOwner): boolean {
  return canSee(caller, owner) && owner.organisationId === null && holdsLocalEditor(caller, caller.organisationId);
}

/**
 * Correct answers and explanations of knowledge items are for those who lead sessions or edit content
 * (anyone holding a role); other staff answer the items in competence checks and do not see the key.
 */
export function seesAnswerKey(caller: Caller): boolean {
  return caller.grants.length > 0;
}
