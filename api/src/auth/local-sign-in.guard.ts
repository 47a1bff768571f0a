import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { flattenValidationErrors, validationError } from '../common/errors';
import { SignInDto } from './dto/auth.dto';

/**
 * Guards run before pipes, so the sign-in body is validated here first: a missing field gets a
 * 400 naming it, not passport's bare 401.
 */
@Injectable()
export class LocalSignInGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body: unknown = request.body;
    const dto = plainToInstance(SignInDto, typeof body === 'object' && body !== null ? body : {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    if (errors.length > 0) throw validationError(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
