import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError } from '@kunna/contracts';
import { flattenValidationErrors, swedishDefault, validationError } from './errors';
import { nulCharacterError } from './nul-characters';

/**
 * Problems listed in one answer. A body of 50 000 unknown fields was answered with all of them (3.3 MB after
 * 3 s): nobody reads more than the first few, and the answer must never be larger than the question.
 */
export const MAX_LISTED_PROBLEMS = 20;

/** The answer's message when problems were left out. */
export const MORE_PROBLEMS_MESSAGE = `Uppgifterna är inte giltiga. De första ${MAX_LISTED_PROBLEMS} problemen visas.`;

export function problemsError(details: FieldError[], more: boolean) {
  return more || details.length > MAX_LISTED_PROBLEMS
    ? validationError(details.slice(0, MAX_LISTED_PROBLEMS), MORE_PROBLEMS_MESSAGE)
    : validationError(details);
}

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
      exceptionFactory: (errors) => {
        const details = flattenValidationErrors(errors, '', MAX_LISTED_PROBLEMS + 1);
        return problemsError(details, false);
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && value.includes('\u0000')) {
      throw nulCharacterError(metadata.data ?? 'path');
    }
    if ((metadata.type === 'body' || metadata.type === 'query') && metadata.metatype) {
      const unknown = this.unknownFields(value, metadata);
      // More unknown fields than an answer lists: refused at once, without building an instance and an error per field.
      if (unknown.length > MAX_LISTED_PROBLEMS) {
        throw problemsError(
          unknown.slice(0, MAX_LISTED_PROBLEMS).map((field) => ({ field, message: swedishDefault('whitelistValidation') })),
          true,
        );
      }
    }
    return super.transform(value, metadata);
  }

  /** Top-level fields the DTO does not declare (what `forbidNonWhitelisted` refuses), up to one more than is listed. */
  private unknownFields(value: unknown, metadata: ArgumentMetadata): string[] {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !metadata.metatype || !this.toValidate(metadata)) return [];
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metadata.metatype, '', true, false)
        .map((entry) => entry.propertyName),
    );
    const unknown: string[] = [];
    for (const key in value) {
      if (!declared.has(key)) {
        unknown.push(key);
        if (unknown.length > MAX_LISTED_PROBLEMS) break;
      }
    }
    return unknown;
  }
}
