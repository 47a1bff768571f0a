import { ConsoleLogger, LogLevel } from '@nestjs/common';

/** Nest's start-up chatter: a line per module, controller and route. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Nest's console logger at the configured levels, without its start-up chatter unless LOG_LEVEL=debug: otherwise
 * about two hundred route lines push the address and the demo sign-ins that `npm start` prints out of sight.
 */
export class AppLogger extends ConsoleLogger {
  constructor(
    levels: LogLevel[],
    private readonly chatter: boolean,
  ) {
    super();
    this.setLogLevels(levels);
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (!this.chatter && typeof context === 'string' && CHATTER.has(context)) return;
    super.log(message, ...rest);
  }
}
