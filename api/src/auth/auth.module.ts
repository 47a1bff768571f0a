import { Global, Module, OnModuleInit } from '@nestjs/common';
import { defineJobKind, JobRegistry } from '../jobs';
import { AccessGuard } from './access.guard';
import { PermitObjects } from './permit-objects';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { ACCOUNT_THROTTLE, AuthService } from './auth.service';
import { LocalStrategy, PasswordSignInGuard } from './local.strategy';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { OrganisationDirectory } from './organisation-directory';
import { PasswordHasher } from './password-hasher';
import { SignInPassport } from './sign-in-passport';

/** Hourly: deletes sign-in throttle runs that are no longer remembered. */
export const PRUNE_SIGN_IN_THROTTLE = defineJobKind<Record<string, never>>('auth.prune-sign-in-throttle');

@Global()
@Module({
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    AuthRepository,
    PasswordHasher,
    OrganisationDirectory,
    AccessGuard,
    PermitObjects,
    OidcService,
    SignInPassport,
    LocalStrategy,
    PasswordSignInGuard,
  ],
  exports: [AuthService, AuthRepository, PasswordHasher, AccessGuard, PermitObjects],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly repository: AuthRepository,
  ) {}

  onModuleInit(): void {
    // Sign-in failures are personal data too: a run is deleted once it is no longer remembered (and not locked).
    this.registry.registerRecurring(PRUNE_SIGN_IN_THROTTLE, '0 * * * *', async () => {
      await this.repository.pruneThrottle(ACCOUNT_THROTTLE.memoryMinutes);
    });
  }
}
