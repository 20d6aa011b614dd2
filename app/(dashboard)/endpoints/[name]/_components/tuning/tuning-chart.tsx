'use client';
/**
 * Throughput against p99 for every point a tuning measured: the Pareto front as a line, the SLA
 * as a vertical line, and the chosen config's point ringed. Animation off (it re-renders per poll).
 */
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Tuning } from '../../../../../_lib/queries/tunings';
import { ChartFigure } from '../charts/chart-figure';

type Point = { p99Ms: number; throughputPerSec: number };
const point = (m: Point) => ({ p99Ms: Math.round(m.p99Ms * 100) / 100, throughputPerSec: Math.round(m.throughputPerSec) });

export function TuningChart({ tuning }: { tuning: Tuning }) {
  const all = tuning.measurements.filter((m) => m.errors === 0).map(point);
  const front = tuning.pareto.map(point);
  const chosen = tuning.best ? [point(tuning.best)] : [];
  return (
    <ChartFigure title="Throughput vs p99" unit="requests/s against p99 ms">
      <div role="img" aria-label={`Throughput vs p99: ${all.length} points measured${tuning.best ? `, chosen ${chosen[0]!.throughputPerSec} req/s at ${chosen[0]!.p99Ms} ms` : ''}`}>
        <ResponsiveContainer width="100%" height={260}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="p99Ms" name="p99" unit=" ms" />
            <YAxis type="number" dataKey="throughputPerSec" name="throughput" unit="/s" width={70} />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} />
            <Legend />
            <ReferenceLine x={tuning.p99Ms} stroke="#b91c1c" strokeDasharray="4 4" label={{ value: 'SLA', position: 'top' }} ifOverflow="extendDomain" />
            <Scatter name="measured" data={all} fill="#94a3b8" isAnimationActive={false} />
            <Scatter name="Pareto front" data={front} fill="#2563eb" line lineType="joint" isAnimationActive={false} />
            <Scatter name="chosen" data={chosen} fill="#16a34a" shape="star" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
