import { formatBytes } from '../../_lib/format';
import type { Endpoint, RuntimeConfig } from '../../_lib/types';

/** `auto (2 on this host)`: the setting and, beside it, what the runtimes run with. */
function sized(setting: RuntimeConfig['instances'], effective: number | undefined): string {
  if (setting !== 'auto') return String(setting);
  return effective === undefined ? 'auto' : `auto (${effective} on this host)`;
}

function preferredText(setting: RuntimeConfig['preferredBatchSizes']): string {
  if (setting === 'auto') return 'auto (the cheapest per item, learned by each runtime)';
  return setting.length ? setting.join(', ') : '—';
}

/** Every RuntimeConfig field with its unit, as a definition list. */
export function ConfigList({ config, effective }: { config: RuntimeConfig; effective?: Endpoint['effective'] }) {
  const rows: [string, string][] = [
    ['Replicas', String(config.replicas)],
    ['Instances per replica', sized(config.instances, effective?.instances)],
    ['Device', config.device],
    ['Max batch size', String(config.maxBatchSize)],
    ['Preferred batch sizes', preferredText(config.preferredBatchSizes)],
    ['Max queue delay', `${config.maxQueueDelayMs} ms`],
    ['Max queue size', String(config.maxQueueSize)],
    ['Queue timeout', `${config.queueTimeoutMs} ms`],
    ['Response cache', config.cache.enabled ? `on, up to ${formatBytes(config.cache.maxBytes)}` : 'off'],
    ['Intra-op threads', sized(config.intraOpThreads, effective?.intraOpThreads)],
    ...(effective ? ([['Spin-waiting', effective.intraOpSpinning ? 'on' : 'off (threads share cores)'], ['Host', `${effective.hostCpus} cores, ${effective.hostGpus} GPUs`]] as [string, string][]) : []),
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
