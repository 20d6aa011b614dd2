import { formatTime } from '../../../../_lib/format';
import type { Rollout } from '../../../../_lib/queries/rollouts';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

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
        <div className="table-wrap">
          <table aria-label="Disagreeing samples">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Request</th>
                <th scope="col">Shape match</th>
                <th scope="col">Max abs diff</th>
                <th scope="col">Within tolerance</th>
                <th scope="col">Argmax agrees</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {shadow.samples.map((s, i) => (
                <tr key={`${s.atMs}-${i}`}>
                  <td>{formatTime(new Date(s.atMs).toISOString())}</td>
                  <td className="mono">{s.requestId ?? '–'}</td>
                  <td>{yesNo(s.shapeMatch)}</td>
                  <td>{s.maxAbsDiff === null ? '–' : s.maxAbsDiff.toExponential(2)}</td>
                  <td>{yesNo(s.withinTolerance)}</td>
                  <td>{yesNo(s.argmaxAgree)}</td>
                  <td>{s.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
