/** A timestamp column as the contracts give times: ISO 8601 in UTC with milliseconds. */
export const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
