// The auth feature's public API: the access decorators and helpers every controller uses, then services and module.
export {
  KIOSK_CREDENTIAL,
  KIOSK_RESPONSE,
  KIOSK_ROUND,
  Permit,
  PERMIT_KEY,
  Public,
  PUBLIC_KEY,
  type IdSource,
  type KioskBinding,
  type ObjectIds,
  type PermitRule,
} from './access.decorator';
export { PermitObjects, type PermitResolver, UUID_PATTERN } from './permit-objects';
export { Permitted } from './permitted.decorator';
export { CallerParam } from './caller.decorator';
export { SetLanguageDto } from './dto/auth.dto';
export type { Caller, Grant } from './caller';
export { hasRole } from './caller';
export { callerCanSee, callerCovers, scopeFilter, type ScopePosition } from './scope';
export { newToken, sha256 } from './tokens';
export { keysOfPerson, THROTTLE_PURPOSE } from './throttle-keys';
export { ARGON2_OPTIONS } from './password-hasher';
export { readSessionToken, setSessionCookie } from './session-cookie';
export { AccessGuard, type AuthenticatedRequest } from './access.guard';
export { AuthRepository } from './auth.repository';
export { AuthService, type NewSession } from './auth.service';
export { AuthModule } from './auth.module';
