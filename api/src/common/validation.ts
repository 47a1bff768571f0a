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

/**
 * A finite number with at most `places` decimals. class-validator's own `maxDecimalPlaces` throws (a 500) on
 * numbers whose text is in exponent form, such as 2e-323, so the decimals are counted from the value itself.
 */
export function hasAtMostDecimals(value: unknown, places: number): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const scaled = value * 10 ** places;
  if (!Number.isFinite(scaled)) return false;
  const whole = Math.round(scaled);
  // A tiny non-zero value (2e-323) rounds to zero: it has far more decimals, not none.
  if (whole === 0) return value === 0;
  // Binary floating point: 0.1 + 0.2 arrives as 0.30000000000000004, which is still two decimals.
  return Math.abs(scaled - whole) <= 1e-9 * Math.abs(whole);
}

export const IsDecimal = (places: number, options?: ValidationOptions) =>
  ValidateBy({ name: 'isDecimal', constraints: [places], validator: { validate: (value: unknown) => hasAtMostDecimals(value, places) } }, options);
