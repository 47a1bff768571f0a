/** A start-up failure whose cause and fix are known: printed as both, without a stack trace. */
export class StartupError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. Fix: ${fix}.`);
    this.name = 'StartupError';
  }
}

/**
 * What `npm start` prints when Kunna cannot start: the cause and the fix for a known failure, otherwise the error's
 * own message and stack, and never "undefined" (a library may reject with nothing, or with a non-Error).
 */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return `Kunna could not start: ${error.reason}.\n  Fix: ${error.fix}.`;
  if (error instanceof Error && error.message) return `Kunna could not start: ${error.stack ?? error.message}`;
  if (error instanceof Error) return `Kunna could not start: ${error.name} without a message.\n${error.stack ?? ''}`;
  if (typeof error === 'string' && error.trim()) return `Kunna could not start: ${error}`;
  const shown = error === undefined ? 'no reason was given' : `the reason given was ${JSON.stringify(error) ?? String(error)}`;
  return `Kunna could not start, and ${shown}. Check the lines above; with LOG_LEVEL=debug Kunna says more.`;
}
