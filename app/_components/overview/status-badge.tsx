import type { EndpointOverview } from '../../_lib/queries/metrics';
import { STATUS_LABEL } from './figures';
import styles from './overview.module.css';

const STATUS_CLASS: Record<EndpointOverview['status'], string> = {
  healthy: 'badge',
  degraded: `badge ${styles.degraded}`,
  'rolling-out': `badge ${styles.rolling}`,
};

/** An endpoint's health as the overview computes it, with the reason when it is not healthy. */
export function StatusBadge({ e }: { e: Pick<EndpointOverview, 'status' | 'statusReason'> }) {
  return (
    <>
      <span className={STATUS_CLASS[e.status]}>{STATUS_LABEL[e.status]}</span>
      {e.statusReason && <span className={`muted ${styles.reason}`}>{e.statusReason}</span>}
    </>
  );
}
