import { Global, Module } from '@nestjs/common';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { OrganisationDirectory } from './organisation-directory';
import { PasswordHasher } from './password-hasher';

@Global()
@Module({
  controllers: [AuthController, OidcController],
  providers: [AuthService, AuthRepository, PasswordHasher, OrganisationDirectory, AccessGuard, OidcService],
  exports: [AuthService, AuthRepository, PasswordHasher, AccessGuard],
})
export class AuthModule {}
