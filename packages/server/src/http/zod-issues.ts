import { z } from 'zod';
import type { Issue } from '../errors.js';

const vietnamese = z.locales.vi();

/** Parses with Vietnamese messages; failures become issues whose path starts with `where`. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): { ok: true; value: z.output<S> } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(value, { error: vietnamese.localeError });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: zodIssues(result.error, where) };
}

export function zodIssues(error: z.ZodError, where?: string): Issue[] {
  return error.issues.map((i) => ({
    path: [...(where ? [where] : []), ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));
}
