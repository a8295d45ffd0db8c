import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_DETAIL_FIELDS, AUDIT_ENTITY_TYPES } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { describeDetail } from '../backoffice/screens/audit/audit-detail.js';
import { vi } from './vi.js';

/**
 * The system log speaks Vietnamese for everything the server can write. Other parts keep
 * adding audit actions: this test reads the server's sources for every `audit(` call and
 * fails when an action, an entity type or a detail field has no Vietnamese label (or is
 * missing from core's AUDIT_* lists, which `audit()` is typed against).
 */

const SERVER_SRC = resolve(import.meta.dirname, '../../../server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The source with comments blanked out (strings kept), so they hide no `audit(`. */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) i++;
      i += 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = skipString(src, i);
      out += src.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the string literal starting at `i` (template literals with `${…}` too). */
function skipString(src: string, i: number): number {
  const quote = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\\') j += 2;
    else if (quote === '`' && src[j] === '$' && src[j + 1] === '{') j = skipBalanced(src, j + 1);
    else j++;
  }
  return j + 1;
}

/** From an opening bracket at `i`, the index just past its closing one. */
function skipBalanced(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    if (c === "'" || c === '"' || c === '`') {
      j = skipString(src, j);
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** Splits `text` at its top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let j = 0;
  while (j < text.length) {
    const c = text[j] as string;
    if (c === "'" || c === '"' || c === '`') j = skipString(text, j);
    else if ('([{'.includes(c)) j = skipBalanced(text, j);
    else if (c === ',') {
      parts.push(text.slice(start, j));
      start = ++j;
    } else j++;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The arguments of every `audit(` call (not the function's own definition). */
function auditCalls(src: string): string[][] {
  const calls: string[][] = [];
  const code = stripComments(src);
  // Calls are looked for outside strings ('audit() must run …' is a message, not a call).
  let masked = '';
  for (let i = 0; i < code.length; ) {
    const c = code[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      const end = skipString(code, i);
      masked += c + ' '.repeat(Math.max(0, end - i - 1));
      i = end;
    } else {
      masked += c;
      i++;
    }
  }
  for (const m of masked.matchAll(/(?<![\w.$])audit\(/g)) {
    if (/function\s+$/.test(masked.slice(Math.max(0, m.index - 20), m.index))) continue;
    const open = m.index + 'audit'.length;
    const end = skipBalanced(code, open);
    calls.push(splitTopLevel(code.slice(open + 1, end - 1)));
  }
  return calls;
}

/** Every key of every object literal in an expression (spreads and nested objects included). */
function objectKeys(expr: string): string[] {
  const keys: string[] = [];
  let j = 0;
  while (j < expr.length) {
    const c = expr[j] as string;
    if (c === "'" || c === '"' || c === '`') {
      j = skipString(expr, j);
    } else if (c === '{') {
      const end = skipBalanced(expr, j);
      for (const entry of splitTopLevel(expr.slice(j + 1, end - 1))) {
        if (entry.startsWith('...')) {
          keys.push(...objectKeys(entry.slice(3)));
          continue;
        }
        const named = /^(?:([A-Za-z_$][\w$]*)|'([^']+)')\s*:([\s\S]*)$/.exec(entry);
        if (named) {
          keys.push((named[1] ?? named[2]) as string);
          keys.push(...objectKeys(named[3] as string));
        } else if (/^[A-Za-z_$][\w$]*$/.test(entry)) keys.push(entry);
      }
      j = end;
    } else j++;
  }
  return keys;
}

const literals = (expr: string) => [...expr.matchAll(/'([^'\\]*)'/g)].map((m) => m[1] as string);

const calls = sourceFiles(SERVER_SRC).flatMap((file) =>
  auditCalls(readFileSync(file, 'utf8')).map((args) => ({ file: relative(SERVER_SRC, file), args })),
);

const label = (path: string[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], vi);

describe('the system log in Vietnamese', () => {
  it('finds the server’s audit calls (the scan itself works)', () => {
    expect(calls.length).toBeGreaterThanOrEqual(30);
    expect(calls.filter((c) => c.args.length < 4)).toEqual([]);
  });

  it('labels every action the server can write, and core lists every action the sources name', () => {
    const named = calls.flatMap((c) =>
      literals(c.args[2] ?? '')
        .filter((s) => /^[a-z_]+\.[a-z_]+$/.test(s))
        .map((action) => ({ action, file: c.file })),
    );
    expect(named.length).toBeGreaterThan(30);
    const unlisted = named.filter((n) => !(AUDIT_ACTIONS as readonly string[]).includes(n.action));
    expect(unlisted, 'add these to AUDIT_ACTIONS in packages/core/src/audit-actions.ts').toEqual([]);
    const unlabelled = AUDIT_ACTIONS.filter((a) => {
      const text = label(['audit', 'actions', ...a.split('.')]);
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(unlabelled, 'add a Vietnamese label to audit.actions in packages/web/src/i18n/vi.ts').toEqual([]);
  });

  it('labels every entity type and every detail field the sources write', () => {
    const entities = calls.flatMap((c) => [...(c.args[3] ?? '').matchAll(/type:\s*'([a-z_]+)'/g)].map((m) => m[1]));
    expect(entities.filter((e) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(e as string))).toEqual([]);
    const fields = calls.flatMap((c) => objectKeys(c.args[4] ?? '').map((field) => ({ field, file: c.file })));
    expect(fields.length).toBeGreaterThan(60);
    const unlisted = fields.filter((f) => !(AUDIT_DETAIL_FIELDS as readonly string[]).includes(f.field));
    expect(unlisted, 'add these to AUDIT_DETAIL_FIELDS in packages/core/src/audit-actions.ts').toEqual([]);
    const unlabelled = [
      ...AUDIT_DETAIL_FIELDS.filter((f) => typeof label(['audit', 'fields', f]) !== 'string').map((f) => `field ${f}`),
      ...AUDIT_ENTITY_TYPES.filter((e) => typeof label(['audit', 'entities', e]) !== 'string').map(
        (e) => `entity ${e}`,
      ),
    ];
    expect(unlabelled, 'add Vietnamese labels to audit.fields / audit.entities in vi.ts').toEqual([]);
  });

  it('names every role that acts in the log, the system and the command line included', () => {
    for (const role of ['system', 'cli', 'anonymous', 'supervisor', 'ward_admin', 'ward_officer', 'health_officer']) {
      expect(typeof label(['roles', role]), role).toBe('string');
    }
  });

  it('shows a detail as labelled Vietnamese values: enumerations by name, times as dd/mm/yyyy HH:mm Việt Nam time', () => {
    const lines = describeDetail('dossier.approved', {
      from: 'health_confirmed',
      to: 'approved',
      referenceNumber: '12/UBND-ĐG',
      dueAt: '2021-08-17T03:05:00.000Z',
    });
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Từ: Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt',
      'Sang: Đã phê duyệt',
      'Số phê duyệt: 12/UBND-ĐG',
      'Hạn xử lý: 17/08/2021 10:05',
    ]);
    const file = describeDetail('dossier.attachment_superseded', {
      attachmentId: '0b4f2a6e-1111-4222-8333-944445555666',
      contentType: 'image/png',
      size: 2048,
      version: 2,
      sha256: 'ab'.repeat(32),
    });
    expect(file.map((l) => l.value)).toEqual(['0b4f2a6e', 'Ảnh PNG', '2 KB', '2', `${'ab'.repeat(6)}…`]);
    expect(file.map((l) => l.label)).toEqual(['Tệp (mã)', 'Loại tệp', 'Dung lượng', 'Phiên bản', 'Mã băm SHA-256']);
    const reminder = describeDetail('dossier.reminder_sent', { to: 'motcua@ducgiang.example', dueAt: '2021-08-17' });
    expect(reminder.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Gửi tới: motcua@ducgiang.example',
      'Hạn xử lý: 17/08/2021',
    ]);
    // An account's `title` is its position; the changed fields are named in words.
    const position = describeDetail('user.updated', {
      username: 'lanhdao.ducgiang',
      fields: ['title', 'email'],
      title: 'Phó Chủ tịch UBND phường',
    });
    expect(position.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Tên đăng nhập: lanhdao.ducgiang',
      'Các trường đã sửa: Chức vụ; E-mail',
      'Chức vụ: Phó Chủ tịch UBND phường',
    ]);
    const demo = describeDetail('business.created', {
      demo: true,
      status: 'active',
      dossiers: [{ kind: 'initial', state: 'approved' }],
      districtCode: '004',
    });
    expect(demo.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Dữ liệu mẫu: Có',
      'Trạng thái: Đang hoạt động',
      'Hồ sơ: Loại hồ sơ: Đăng ký lần đầu, Trạng thái: Đã phê duyệt',
    ]);
  });
});
