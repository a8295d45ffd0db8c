import type { Issue } from '../errors.js';

/** C0 controls and DEL, except tab, line feed and carriage return (checked apart). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\t\n\r]/;
/** With the `u` flag only an unpaired surrogate matches: text that is not valid UTF-16. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Enough to fix a form; a hostile body does not make a long answer. */
const MAX_ISSUES = 20;

export type InputPart = 'params' | 'query' | 'body';

/**
 * Finds the strings (values and object keys) of one part of a request that PostgreSQL would
 * refuse or that have no place in the field: NUL and the other C0 controls and DEL; tab, line
 * feed and carriage return outside `multiline` fields; unpaired UTF-16 surrogates (a JSON
 * `"\ud800"`). Walks without recursion: a deeply nested body cannot overflow the stack.
 *
 * `multiline` holds paths relative to the part, `*` matching any key or array index:
 * `['note']`, `['people.*.note']`.
 *
 * @example findBadCharacters({ q: 'a\u0000' }, 'query') // [{ path: 'query.q', code: 'control_character', … }]
 */
export function findBadCharacters(value: unknown, part: InputPart, multiline: readonly string[] = []): Issue[] {
  const patterns = multiline.map((p) => p.split('.'));
  const allowsLines = (path: string[]) =>
    patterns.some((p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === path[i]));
  const issues: Issue[] = [];
  // Each entry knows its parent: the path is rebuilt only for a string that needs it, so a
  // body nested 100,000 deep costs linear time, not a path copy per level.
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      const problem = stringProblem(v, () => allowsLines(pathOf(step)));
      if (problem) issues.push({ path: [part, ...pathOf(step)].join('.'), ...problem });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: step });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const keyProblem = stringProblem(key, () => false);
        if (keyProblem) {
          issues.push({
            path: [part, ...pathOf(step)].join('.'),
            ...keyProblem,
            message: `Tên trường: ${keyProblem.message}`,
          });
          continue;
        }
        stack.push({ value: child, key, parent: step });
      }
    }
  }
  return issues;
}

interface Step {
  value: unknown;
  key: string | null;
  parent: Step | null;
}

function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let s: Step | null = step; s?.key != null; s = s.parent) path.push(s.key);
  return path.reverse();
}

function stringProblem(s: string, multiline: () => boolean): Omit<Issue, 'path'> | null {
  const control = CONTROL.exec(s);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { code: 'control_character', message: `Có ký tự điều khiển U+${code}, không được phép.` };
  }
  if (LINE_BREAK.test(s) && !multiline()) {
    return {
      code: 'line_break',
      message: 'Có ký tự xuống dòng hoặc tab: trường này chỉ nhận một dòng chữ.',
    };
  }
  if (LONE_SURROGATE.test(s)) {
    return { code: 'lone_surrogate', message: 'Có ký tự Unicode hỏng (nửa cặp mã UTF-16).' };
  }
  return null;
}
