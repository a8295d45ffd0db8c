import type fc from 'fast-check';

/** One fuzzed path: a property over random input, and counts to report. */
export interface FuzzTarget {
  name: string;
  /** What goes in and what must hold, for the report and docs/fuzzing.md. */
  description: string;
  /** Builds what the property needs (keys, an app on a database…). */
  open(): Promise<OpenTarget>;
}

export interface OpenTarget {
  // biome-ignore lint/suspicious/noExplicitAny: each target has its own input tuple
  property: fc.IAsyncPropertyWithHooks<any>;
  /** Counts gathered while running (outcomes, statuses), printed after the run. */
  summary(): Record<string, number | string>;
  close(): Promise<void>;
}
