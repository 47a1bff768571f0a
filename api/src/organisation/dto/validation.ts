import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/*
 * class-validator runs a property's decorators from the one nearest the property upwards and, with
 * `stopAtFirstError`, reports only the first failure: put the type check nearest the property.
 */

/** Trims strings; leaves everything else for the validators to judge. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims strings and turns an empty string into null (optional text such as e-mail or unit code). */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** For partial updates: the field may be left out, but when sent it must be valid (null included). */
export const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The field may be left out or null; otherwise it must be valid. */
export const IfNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30), between 1900 and 2199. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1900 || year > 2199) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const IsDateOnly = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDateOnly', validator: { validate: (value: unknown) => isDateOnly(value) } }, options);
