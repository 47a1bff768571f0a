import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, validationError } from './errors';
import { nulCharacterError } from './nul-characters';

/**
 * The global validation pipe: class-validator on every DTO (unknown fields refused, the first problem per field).
 * Bodies and queries are checked for NUL characters by middleware before any guard reads them
 * (`refuseNulCharacters`); path parameters only exist once a route matched, so they are checked here.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && value.includes('\u0000')) {
      throw nulCharacterError(metadata.data ?? 'path');
    }
    return super.transform(value, metadata);
  }
}
