/**
 * Summarises a V8 .cpuprofile: self time per function (with its file and line) and the
 * inclusive time of selected functions, as shares of all sampled time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  share: number;
}

const where = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^.*\/(packages|node_modules)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
};

/** Self and inclusive shares of sampled time per function, largest first. */
export function summarise(path: string): { self: ProfileLine[]; inclusive: ProfileLine[] } {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    self.set(where(node), (self.get(where(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = where(byId.get(cur) as ProfileNode);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([name, t]) => ({ name, share: t / total })).sort((a, b) => b.share - a.share);
  return { self: sorted(self), inclusive: sorted(inclusive) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile');
  const { self, inclusive } = summarise(file);
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  console.log('self time');
  for (const l of self.slice(0, 30)) console.log(`${pct(l.share)}  ${l.name}`);
  console.log('\ninclusive time');
  for (const l of inclusive.slice(0, 40)) console.log(`${pct(l.share)}  ${l.name}`);
}
