'use client';
/**
 * One time-series chart: lines (or stacked areas) over a fixed [from, to] time axis, rollout
 * markers as reference lines. Animation and dots are off so a 24 h range of thousands of points
 * re-renders cheaply on every poll.
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTime } from '../../../../../_lib/format';
import type { MetricsRange } from '../../../../../_lib/queries/metrics';
import { formatTick, formatValue, roundTicks, type ChartRow, type Marker } from './series';

export interface LineSpec {
  key: string;
  label: string;
  color: string;
  dash?: string;
}

interface Props {
  rows: ChartRow[];
  lines: LineSpec[];
  fromMs: number;
  toMs: number;
  range: MetricsRange;
  markers: Marker[];
  yUnit: string;
  /** Stacked areas (throughput) instead of lines. */
  stacked?: boolean;
  yMax?: number;
}

const CHART_HEIGHT_PX = 220;
const LABEL_LINE_PX = 13;

function TimeSeriesChartImpl({ rows, lines, fromMs, toMs, range, markers, yUnit, stacked = false, yMax }: Props) {
  const format = (value: unknown) => (typeof value === 'number' ? `${formatValue(value)} ${yUnit}` : '—');
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
      <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ee" />
        <XAxis dataKey="t" type="number" scale="time" domain={[fromMs, toMs]} allowDataOverflow ticks={roundTicks(fromMs, toMs, range)} tickFormatter={(t: number) => formatTick(t, range)} minTickGap={24} fontSize={11} />
        <YAxis domain={[0, yMax ?? 'auto']} width={56} fontSize={11} tickFormatter={(v: number) => formatValue(v)} label={{ value: yUnit, angle: -90, position: 'insideLeft', fontSize: 11 }} />
        <Tooltip labelFormatter={(t) => formatTime(new Date(Number(t)).toISOString())} formatter={format} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((line) =>
          stacked ? (
            <Area key={line.key} dataKey={line.key} name={line.label} stackId="rps" type="stepAfter" stroke={line.color} fill={line.color} fillOpacity={0.35} isAnimationActive={false} dot={false} connectNulls={false} />
          ) : (
            // Null is "no request in this step": joining across it keeps sparse traffic readable.
            // `plainline` draws the legend entry with the line's own dash, so p50/p95/p99 tell apart there too.
            <Line key={line.key} dataKey={line.key} name={line.label} legendType="plainline" type="linear" stroke={line.color} strokeDasharray={line.dash} strokeWidth={1.5} isAnimationActive={false} dot={false} connectNulls />
          ),
        )}
        {markers.map((m) => (
          <ReferenceLine key={`${m.t}-${m.action}`} x={m.t} stroke="#5d6b7e" strokeDasharray="4 2" label={{ value: m.label, position: m.side === 'right' ? 'insideTopLeft' : 'insideTopRight', dy: m.row * LABEL_LINE_PX, fontSize: 11, fill: '#1b2330' }} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export const TimeSeriesChart = memo(TimeSeriesChartImpl);
