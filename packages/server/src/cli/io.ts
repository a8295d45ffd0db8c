/** What a command writes and how it ends: injectable so tests run commands in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/** Exit codes: 0 success (or `valid`), 1 a negative answer, 2 a usage error. */
export const EXIT = { ok: 0, negative: 1, usage: 2 } as const;

/** A mistake in how the command was called: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** A command's code, loaded on demand (its summary is in commands.ts). */
export interface Command {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
