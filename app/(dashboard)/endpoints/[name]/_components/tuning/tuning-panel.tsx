'use client';
/**
 * The endpoint page's tuning band: start a run against a p99 SLA, follow its progress and chart,
 * then apply the config it chose (rolled replica by replica) or cancel it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../../../_components/feedback';
import { Field } from '../../../../../_components/ui/field';
import { useCanMutate } from '../../../../../_components/use-can-mutate';
import { endpointKeys, endpointQuery } from '../../../../../_lib/queries/endpoints';
import { replicaKeys } from '../../../../../_lib/queries/replicas';
import { actOnTuning, startTuning, tuningKeys, tuningListQuery, type Tuning, type TuningAction } from '../../../../../_lib/queries/tunings';
import { formatInputShapes, parseInputShapes } from '../../../../../_lib/input-shapes';
import { TuningChart } from './tuning-chart';
import { FormActions } from '../../../../../_components/ui/confirm-action';

export function TuningPanel({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const endpoint = useQuery(endpointQuery(name));
  const tunings = useQuery({ ...tuningListQuery(name), enabled: endpoint.isSuccess });
  const canMutate = useCanMutate();
  const [p99Ms, setP99Ms] = useState('50');
  const [maxMinutes, setMaxMinutes] = useState('5');
  const [shapes, setShapes] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tuningKeys.list(name) }),
      queryClient.invalidateQueries({ queryKey: endpointKeys.detail(name) }),
      queryClient.invalidateQueries({ queryKey: replicaKeys.list(name) }),
    ]);
  const start = useMutation({
    mutationFn: () => {
      const inputShapes = parseInputShapes(shapes);
      return startTuning(name, { p99Ms: Number(p99Ms), maxMinutes: Number(maxMinutes), ...(inputShapes.length > 0 && { inputShapes }) });
    },
    onSuccess: refresh,
  });
  const act = useMutation({ mutationFn: ({ id, action }: { id: number; action: TuningAction }) => actOnTuning(name, id, action), onSuccess: refresh });

  if (!endpoint.isSuccess) return null;
  const latest = tunings.data?.items[0];
  const running = latest?.status === 'running';

  return (
    <section className="card" aria-labelledby="tuning-heading">
      <h2 id="tuning-heading">Tuning</h2>
      <p className="muted">Measures batch size, queue delay, preferred batch sizes, instances and threads on scratch runtimes, and picks the fastest config whose p99 meets your target.</p>
      {canMutate && !running && (
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <Field id="tuning-p99" label="p99 target (ms)" path="p99Ms" error={start.error}>
            <input type="number" min={0} step="any" value={p99Ms} onChange={(e) => setP99Ms(e.target.value)} />
          </Field>
          <Field id="tuning-minutes" label="At most (minutes)" path="maxMinutes" error={start.error}>
            <input type="number" min={0.1} step="any" value={maxMinutes} onChange={(e) => setMaxMinutes(e.target.value)} />
          </Field>
          <Field id="tuning-shapes" label="Input shapes (optional, for dynamic dims)" path="inputShapes" error={start.error}>
            <input type="text" placeholder="x: 1,3,32,320" value={shapes} onChange={(e) => setShapes(e.target.value)} />
          </Field>
          <FormActions submit={{ label: 'Start tuning', disabled: start.isPending }} />
        </form>
      )}
      {start.isError && <ErrorAlert error={start.error} />}
      {act.isError && <ErrorAlert error={act.error} />}
      {tunings.isError && <ErrorAlert error={tunings.error} />}
      {latest && <TuningStatus tuning={latest} canMutate={canMutate} busy={act.isPending} onAct={(action) => act.mutate({ id: latest.id, action })} />}
    </section>
  );
}

function TuningStatus({ tuning, canMutate, busy, onAct }: { tuning: Tuning; canMutate: boolean; busy: boolean; onAct: (a: TuningAction) => void }) {
  const best = tuning.best;
  return (
    <>
      <p role="status" aria-label="Tuning progress">
        Run {tuning.id} (p99 ≤ {tuning.p99Ms} ms): <strong>{tuning.status}</strong> · {tuning.progress.measured} points · {tuning.progress.stage} · {tuning.progress.message}
        {tuning.error && ` · ${tuning.error}`}
      </p>
      {tuning.inputShapes && <p className="muted">Synthetic requests shaped {formatInputShapes(tuning.inputShapes)}</p>}
      {tuning.measurements.length > 0 && <TuningChart tuning={tuning} />}
      {best && (
        <p>
          Best within the SLA: {best.candidate.instances} instances × {best.candidate.intraOpThreads} threads, max batch {best.candidate.maxBatchSize}, {best.candidate.maxQueueDelayMs} ms delay
          {best.candidate.preferredBatchSizes.length > 0 && `, preferred ${best.candidate.preferredBatchSizes.join('/')}`}: {Math.round(best.throughputPerSec)} req/s at p99 {best.p99Ms.toFixed(2)} ms
          {tuning.appliedAt && ' (applied)'}
        </p>
      )}
      {canMutate && (
        <div className="actions">
          {tuning.status === 'running' && (
            <button type="button" disabled={busy} onClick={() => onAct('cancel')}>
              Cancel tuning
            </button>
          )}
          {tuning.status === 'succeeded' && best && (
            <button type="button" disabled={busy} onClick={() => onAct('apply')}>
              Apply best config
            </button>
          )}
        </div>
      )}
    </>
  );
}
