/** What the Node side hands the benchmark page, and what the page answers. */
import type { TrustListJson } from '@thonghanh/core';
import type { MeasureOptions, PairedMeasurement } from '../measure.js';
import type { StageTimes } from '../stages.js';

export interface BrowserBenchInput {
  text: string;
  trust: TrustListJson;
  /** ISO 8601 verification time. */
  verifyAt: string;
  options: MeasureOptions;
}

export interface ProviderResult {
  /** `webcrypto` or `noble`: the provider given to `verify`. */
  provider: string;
  /** What the raw baseline calls. */
  raw: string;
  measurement: PairedMeasurement;
  stages: StageTimes;
}

export interface BrowserBenchOutput {
  userAgent: string;
  ed25519InWebCrypto: boolean;
  results: ProviderResult[];
}

export interface BenchPage {
  run(input: BrowserBenchInput, provider: 'webcrypto' | 'noble'): Promise<ProviderResult>;
  ed25519Supported(): Promise<boolean>;
}

declare global {
  interface Window {
    thonghanhBench?: BenchPage;
  }
}
