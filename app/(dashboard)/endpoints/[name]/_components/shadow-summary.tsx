import { DataTable, type Column } from '../../../../_components/ui/data-table';
import { formatTime } from '../../../../_lib/format';
import type { Rollout } from '../../../../_lib/queries/rollouts';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

const SAMPLE_COLUMNS: Column<NonNullable<Rollout['shadow']>['samples'][number]>[] = [
  { header: 'Time', cell: (s) => formatTime(new Date(s.atMs).toISOString()) },
  { header: 'Request', cell: (s) => s.requestId ?? '–', className: 'mono' },
  { header: 'Shape match', cell: (s) => yesNo(s.shapeMatch) },
  { header: 'Max abs diff', cell: (s) => (s.maxAbsDiff === null ? '–' : s.maxAbsDiff.toExponential(2)) },
  { header: 'Within tolerance', cell: (s) => yesNo(s.withinTolerance) },
  { header: 'Argmax agrees', cell: (s) => yesNo(s.argmaxAgree) },
  { header: 'Error', cell: (s) => s.error ?? '' },
];

/** The shadow comparison so far, and the samples where candidate and stable disagreed. */
export function ShadowSummary({ shadow }: { shadow: NonNullable<Rollout['shadow']> }) {
  return (
    <section aria-labelledby="shadow-heading">
      <h3 id="shadow-heading">Shadow comparison</h3>
      <dl className="props spaced">
        <dt>Mirrored</dt>
        <dd>{shadow.mirrored}</dd>
        <dt>Dropped</dt>
        <dd>{shadow.dropped}</dd>
        <dt>Compared</dt>
        <dd>{shadow.compared}</dd>
        <dt>Agreed</dt>
        <dd>{shadow.agreed}</dd>
        <dt>Agreement</dt>
        <dd>{shadow.agreementPct === null ? '–' : `${shadow.agreementPct.toFixed(2)}%`}</dd>
      </dl>
      {shadow.samples.length === 0 ? (
        <p className="muted">No disagreeing samples.</p>
      ) : (
        <DataTable label="Disagreeing samples" columns={SAMPLE_COLUMNS} rows={shadow.samples} rowKey={(s, i) => `${s.atMs}-${i}`} />
      )}
    </section>
  );
}
