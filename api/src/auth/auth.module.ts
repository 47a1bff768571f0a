import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { OrganisationDirectory } from './organisation-directory';
import { PasswordHasher } from './password-hasher';

@Global()
@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, PasswordHasher, LocalStrategy, OrganisationDirectory, AccessGuard],
  exports: [AuthService, AuthRepository, PasswordHasher, AccessGuard],
})
export class AuthModule {}
