/**
 * How long the printable guides take to render (not part of `npm run bench`: no goal, a number
 * for docs/printing.md). Cold = the first render of the process (fonts parsed, code compiled);
 * warm = the median of the next renders. CPU time is the process's user + system time.
 *
 *   node --import tsx bench/guide-render.ts [RUNS]
 */
import { loadavg } from 'node:os';
import { renderBusinessGuide } from '../packages/server/src/guides/business-guide.js';
import { renderCheckpointGuide } from '../packages/server/src/guides/checkpoint-guide.js';
import type { GuideContext } from '../packages/server/src/guides/guide-context.js';

const runs = Number(process.argv[2] ?? 5);
const ctx: GuideContext = {
  ward: {
    wardCode: '00124',
    issuer: 'VN-01-004-00124',
    issuerName: 'UBND phường Đức Giang',
    wardName: 'Phường Đức Giang',
    districtName: 'Quận Long Biên',
    provinceName: 'Thành phố Hà Nội',
    placeName: 'Hà Nội',
  },
  dueDays: 3,
  legalBasis: 'Căn cứ Chỉ thị số 17/CT-UBND ngày 13/7/2021 của UBND Thành phố Hà Nội',
  deskEmail: 'motcua@ducgiang.example',
  publicUrl: 'https://giaydiduong.longbien.example',
  today: '2021-08-15',
  serialSuffix: 'GĐĐ',
};

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;

console.log(`load average ${loadavg()[0]?.toFixed(1)}, ${runs} warm runs each`);
for (const [name, render] of [
  ['business', renderBusinessGuide],
  ['checkpoint', renderCheckpointGuide],
] as const) {
  const times: Array<{ wall: number; cpu: number; bytes: number }> = [];
  for (let i = 0; i <= runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const pdf = await render(ctx);
    const cpu = process.cpuUsage(cpu0);
    times.push({ wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, bytes: pdf.length });
  }
  const [cold, ...warm] = times;
  console.log(
    `${name}: cold ${cold?.wall.toFixed(0)} ms wall / ${cold?.cpu.toFixed(0)} ms CPU; warm median ${median(warm.map((t) => t.wall)).toFixed(0)} ms wall / ${median(warm.map((t) => t.cpu)).toFixed(0)} ms CPU; ${((cold?.bytes ?? 0) / 1024).toFixed(0)} KiB`,
  );
}
