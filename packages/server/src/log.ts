import { createRequire } from 'node:module';
import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream } from 'pino';

/** pino's logger as Fastify's requests carry it (`request.log`): what our code logs through. */
export type Logger = FastifyBaseLogger;

export interface LogOptions {
  level: string;
  /**
   * Human-readable lines (pino-pretty) instead of JSON: default when stdout is a terminal,
   * so a person running `npm start` reads sentences and a service manager or a log shipper
   * gets one JSON object a line.
   */
  pretty?: boolean;
  /** Where lines go (default: stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * The one logger of the server: Fastify's request loggers are its children (request id,
 * then user, role and ward once the session is known: http/request-log.ts), and the
 * start-up, the audit anchorer, the reminders and the mailer write through it too.
 */
export function createLogger(options: LogOptions): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const base = { level: options.level, base: null, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.destination) return pino(base, options.destination);
  if (pretty && options.level !== 'silent') {
    // Synchronous and in this thread: no transport worker to start, lines in order with the
    // command's own output. Loaded only for a terminal.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as (o: object) => DestinationStream;
    return pino(base, prettyStream({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  }
  return pino(base);
}

/** A logger that drops everything (tests, tools). */
export const silentLogger: Logger = pino({ level: 'silent' });
