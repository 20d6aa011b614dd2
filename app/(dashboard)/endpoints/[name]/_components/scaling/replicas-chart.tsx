'use client';
/** Ready replicas per version (steps) and the desired count (dashed), scaling decisions as markers. */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScalingStatus } from '../../../../../_lib/queries/scaling';
import { replicaRows } from './policy-values';

const COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed'];
const CHART_HEIGHT_PX = 200;

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function ReplicasChart({ status, nowMs }: { status: ScalingStatus; nowMs: number }) {
  const { rows, versions } = replicaRows(status, nowMs);
  if (rows.length === 0) return <p className="muted">No replica samples yet: they start when this control plane does.</p>;
  const fromMs = rows[0]!.t;
  return (
    <figure aria-label="Replicas per version" style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ee" />
          <XAxis dataKey="t" type="number" scale="time" domain={[fromMs, nowMs]} tickFormatter={clock} minTickGap={32} fontSize={11} />
          <YAxis allowDecimals={false} domain={[0, 'auto']} width={40} fontSize={11} />
          <Tooltip labelFormatter={(t) => clock(Number(t))} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="desired" name="desired" type="stepAfter" stroke="#5d6b7e" strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          {versions.map((v, i) => (
            <Line key={v} dataKey={`v${v}`} name={`v${v} ready`} type="stepAfter" stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
          {status.events
            .filter((e) => e.t >= fromMs)
            .map((e) => (
              <ReferenceLine key={`${e.t}-${e.toReplicas}`} x={e.t} stroke="#9aa5b4" strokeDasharray="2 2" label={{ value: `${e.fromReplicas}→${e.toReplicas}`, position: 'insideTopRight', fontSize: 10 }} />
            ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">Markers are scaling decisions; the list below gives the figure behind each.</figcaption>
    </figure>
  );
}
