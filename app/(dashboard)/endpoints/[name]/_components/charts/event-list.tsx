/** The markers' text twin: the rollout events in range, readable without the charts. */
import { formatTime } from '../../../../../_lib/format';
import styles from './charts.module.css';
import type { Marker } from './series';

export function EventList({ markers }: { markers: Marker[] }) {
  if (markers.length === 0) return null;
  return (
    <section aria-labelledby="chart-events-heading">
      <h3 id="chart-events-heading">Rollout events in range</h3>
      <ul className={styles.events}>
        {[...markers].reverse().map((m) => (
          <li key={`${m.t}-${m.action}`}>
            <span className="muted">{formatTime(new Date(m.t).toISOString())}</span> <code>{m.action}</code> {m.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
