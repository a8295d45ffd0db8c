import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A stacked bar chart (uPlot, loaded only with the statistics screen): categories on x, one
 * series per group stacked. Canvas only: the screen shows the same numbers in a table for
 * screen readers, so the canvas is hidden from them (aria-hidden on the wrapper).
 */
export interface BarSeries {
  label: string;
  color: string;
  values: number[];
}

export default function BarChart({
  labels,
  series,
  xLabel,
  yLabel,
  height = 260,
}: {
  labels: string[];
  series: BarSeries[];
  xLabel: string;
  yLabel: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Stacked: each drawn series is the running sum, drawn from the tallest down.
    const sums: number[][] = [];
    series.forEach((s, i) => {
      sums.push(s.values.map((v, j) => v + (i > 0 ? (sums[i - 1]?.[j] ?? 0) : 0)));
    });
    const xs = labels.map((_, i) => i);
    const order = series.map((_, i) => i).reverse();
    const bars = uPlot.paths.bars?.({ size: [0.7, 48] });
    const chart = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height,
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          {
            label: xLabel,
            values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
            gap: 4,
          },
          { label: yLabel, values: (_u, splits) => splits.map((v) => v.toLocaleString('vi-VN')) },
        ],
        legend: { show: true, live: false },
        cursor: { show: false },
        series: [
          { label: xLabel },
          ...order.map((i) => ({
            label: series[i]?.label ?? '',
            fill: series[i]?.color ?? '#888',
            stroke: series[i]?.color ?? '#888',
            width: 0,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          })),
        ],
      },
      [xs, ...order.map((i) => sums[i] ?? [])],
      el,
    );
    const resize = () => chart.setSize({ width: Math.max(320, el.clientWidth), height });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [labels, series, xLabel, yLabel, height]);
  return <div ref={box} className="chart" aria-hidden="true" />;
}
