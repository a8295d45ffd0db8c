/** Results as tables, printed to the console and written as Markdown from the same rows. */

export interface Table {
  title?: string;
  headers: string[];
  rows: string[][];
  /** Columns to align right (numbers). */
  right?: number[];
}

/** What one benchmark reports: tables, then sentences under them. */
export interface Section {
  tables: Table[];
  notes: string[];
}

const width = (s: string) => [...s].length;

export function consoleTable(t: Table): string {
  const cols = t.headers.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const cell = (s: string, i: number) => {
    const pad = ' '.repeat((cols[i] as number) - width(s));
    return t.right?.includes(i) ? pad + s : s + pad;
  };
  const line = (r: string[]) => `  ${r.map(cell).join('  ')}`.trimEnd();
  const rule = `  ${cols.map((w) => '─'.repeat(w)).join('  ')}`;
  return [...(t.title ? [`  ${t.title}`] : []), line(t.headers), rule, ...t.rows.map(line)].join('\n');
}

export function markdownTable(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const align = t.headers.map((_, i) => (t.right?.includes(i) ? '---:' : '---'));
  return [
    ...(t.title ? [`**${t.title}**`, ''] : []),
    `| ${t.headers.map(esc).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function consoleSection(s: Section): string {
  return [...s.tables.map(consoleTable), ...s.notes.map((n) => `  ${n}`)].join('\n\n');
}

export function markdownSection(s: Section): string {
  return [...s.tables.map(markdownTable), ...s.notes].join('\n\n');
}

/** 12 345/s with a thin space: readable in both outputs. */
export function perSecond(n: number): string {
  return `${Math.round(n).toLocaleString('en-US').replace(/,/g, ' ')}/s`;
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

export function micros(us: number): string {
  return `${us < 10 ? us.toFixed(2) : us.toFixed(1)} µs`;
}
