// The auth feature's public API. Order matters: auth and audit import each other through their index files, so the
// decorators and plain helpers other features apply at class-definition time come before the services and the
// module, which load audit (and through it controllers that decorate themselves with these).
export {
  Access,
  ACCESS_KEY,
  ANY,
  inBody,
  inParam,
  inQuery,
  KIOSK_CREDENTIAL,
  KIOSK_RESPONSE,
  KIOSK_ROUND,
  OWN_ORGANISATION,
  Public,
  SELF,
  type AccessRule,
} from './access.decorator';
export { CallerParam } from './caller.decorator';
export type { Caller, Grant } from './caller';
export { callerCanSee, callerCovers, scopeFilter, type ScopePosition } from './scope';
export { newToken, sha256 } from './tokens';
export { keysOfPerson, THROTTLE_PURPOSE } from './throttle-keys';
export { ARGON2_OPTIONS } from './password-hasher';
export { readSessionToken, setSessionCookie } from './session-cookie';
export { AccessGuard, type AuthenticatedRequest } from './access.guard';
export { AuthRepository } from './auth.repository';
export { AuthService, type NewSession } from './auth.service';
export { AuthModule } from './auth.module';
