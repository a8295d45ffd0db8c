import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { CHROMIUM as CHROMIUM_PATH } from '../packages/web/e2e/chromium.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** One-minute load average when the run started: how busy the shared machine was. */
  loadAverage: number;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m?.[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** `chromium --version`, for runs that did not open the browser. */
export function chromiumVersion(): string {
  try {
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 15_000 });
    return /Chromium [0-9.]+/.exec(out)?.[0] ?? out.trim();
  } catch {
    return 'Chromium not found';
  }
}

export function machine(loadAverage: number, chromium?: string): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGiB: totalmem() / 2 ** 30,
    os: osName(),
    node: process.version,
    chromium: chromium ?? chromiumVersion(),
    loadAverage,
  };
}

export function startLoad(): number {
  return loadavg()[0] ?? 0;
}

export function describeMachine(m: Machine): string {
  return (
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, ${m.os}; ` +
    `Node ${m.node}, ${m.chromium}; load average ${m.loadAverage.toFixed(2)} at the start`
  );
}
