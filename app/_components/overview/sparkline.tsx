'use client';
/** A tiny fixed-size rps line: shape only, no axes; the row's numbers carry the values. */
import { Line, LineChart, YAxis } from 'recharts';

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const data = values.map((rps, i) => ({ i, rps }));
  return (
    <span role="img" aria-label={label}>
      <LineChart width={120} height={32} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 'auto']} />
        <Line dataKey="rps" type="monotone" stroke="#2456d6" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
