/**
 * A timestamp column as the contracts give times: ISO 8601 in UTC with milliseconds, the text `Date.toISOString()`
 * writes. node-pg would hand the column over as a `Date`; selected through this it is the contract's string already.
 */
export const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
