import { formatBytes } from '../../_lib/format';
import type { RuntimeConfig } from '../../_lib/types';

/** Every RuntimeConfig field with its unit, as a definition list. */
export function ConfigList({ config }: { config: RuntimeConfig }) {
  const rows: [string, string][] = [
    ['Replicas', String(config.replicas)],
    ['Instances per replica', String(config.instances)],
    ['Device', config.device],
    ['Max batch size', String(config.maxBatchSize)],
    ['Preferred batch sizes', config.preferredBatchSizes.length ? config.preferredBatchSizes.join(', ') : '—'],
    ['Max queue delay', `${config.maxQueueDelayMs} ms`],
    ['Max queue size', String(config.maxQueueSize)],
    ['Queue timeout', `${config.queueTimeoutMs} ms`],
    ['Response cache', config.cache.enabled ? `on, up to ${formatBytes(config.cache.maxBytes)}` : 'off'],
    ['Intra-op threads', String(config.intraOpThreads)],
    ['Warm-up runs', String(config.warmupRuns)],
  ];
  return (
    <dl className="props" aria-label="Runtime config">
      {rows.map(([term, value]) => (
        <div key={term} className="pair">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
