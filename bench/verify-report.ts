import type { MeasureOptions, PairedMeasurement } from './measure.js';
import type { StageTimes } from './stages.js';
import { micros, percent, perSecond, type Section, type Table } from './table.js';

/** The goal: the whole pipeline at 80 % or more of the raw signature check's rate. */
export const GOAL_RATIO = 0.8;

export interface VerifyRow {
  platform: string;
  measurement: PairedMeasurement;
  stages: StageTimes;
}

const meets = (x: number) => (x >= GOAL_RATIO ? 'yes' : 'no');

/** The rates table, and where the time goes apart from the signature check. */
export function verifySection(rows: VerifyRow[], options: MeasureOptions): Section {
  const rates: Table = {
    title: 'Verifications per second of the reference permit',
    headers: [
      'platform and provider',
      'pipeline, median round',
      'raw check, median round',
      'pipeline ÷ raw, median of rounds (min–max)',
      `≥ ${GOAL_RATIO * 100} %`,
      'best rounds: pipeline / raw',
      'best ÷ best',
    ],
    right: [1, 2, 5, 6],
    rows: rows.map(({ platform, measurement: m }) => [
      platform,
      `${perSecond(m.pipeline.median)} (${micros(1e6 / m.pipeline.median)})`,
      `${perSecond(m.raw.median)} (${micros(1e6 / m.raw.median)})`,
      `${percent(m.ratioMedian)} (${percent(Math.min(...m.ratios))}–${percent(Math.max(...m.ratios))})`,
      meets(m.ratioMedian),
      `${perSecond(m.pipeline.best)} / ${perSecond(m.raw.best)}`,
      percent(m.ratioBest),
    ]),
  };
  const stageTables: Table[] = rows.map(({ platform, measurement: m, stages }) => {
    // Step times are each step's best slice: set them against the raw check's best round.
    const rawUs = 1e6 / m.raw.best;
    const sum = stages.steps.reduce((n, s) => n + s.us, 0);
    return {
      title: `${platform}: time per verification outside the signature check`,
      headers: ['step', 'time', 'share of the raw check'],
      right: [1, 2],
      rows: [
        ...stages.steps.map((s) => [s.step, micros(s.us), percent(s.us / rawUs)]),
        ['sum of the steps above', micros(sum), percent(sum / rawUs)],
        [
          'whole `verify` with a free signature check',
          micros(stages.pipelineWithoutCryptoUs),
          percent(stages.pipelineWithoutCryptoUs / rawUs),
        ],
        [`budget for ${GOAL_RATIO * 100} % (raw ÷ 4)`, micros(rawUs / 4), percent(0.25)],
        ['raw signature check, best round', micros(rawUs), percent(1)],
      ],
    };
  });
  return {
    tables: [rates, ...stageTables],
    notes: [
      `${options.rounds} rounds after a warm-up; in each round the pipeline and the raw check ` +
        `run ${options.sliceMs} ms each, one after the other, the order reversed every round.`,
    ],
  };
}
