import { describe, expect, it } from 'vitest';
import { GpuPoller, NVIDIA_SMI_ARGS, parseNvidiaSmi } from './gpu';

/**
 * A 2-GPU sample in the exact shape of `nvidia-smi --query-gpu=index,name,utilization.gpu,
 * memory.used,memory.total --format=csv,noheader,nounits` (", "-separated, no header, no units).
 * Written from the documented format: no GPU host was available to capture one here.
 */
const RECORDED = `0, NVIDIA H100 80GB HBM3, 37, 10342, 81559
1, NVIDIA H100 80GB HBM3, 0, 4, 81559
`;

describe('parseNvidiaSmi', () => {
  it('reads one GPU per line', () => {
    expect(parseNvidiaSmi(RECORDED)).toEqual([
      { index: 0, name: 'NVIDIA H100 80GB HBM3', utilizationPct: 37, memoryUsedMiB: 10342, memoryTotalMiB: 81559 },
      { index: 1, name: 'NVIDIA H100 80GB HBM3', utilizationPct: 0, memoryUsedMiB: 4, memoryTotalMiB: 81559 },
    ]);
  });

  it.each([
    ['unsupported figures become null', '0, Tesla T4, [N/A], [Not Supported], 15360\r\n', [{ index: 0, name: 'Tesla T4', utilizationPct: null, memoryUsedMiB: null, memoryTotalMiB: 15360 }]],
    ['a name with a comma keeps it', '2, Weird, Name, 5, 1, 2', [{ index: 2, name: 'Weird, Name', utilizationPct: 5, memoryUsedMiB: 1, memoryTotalMiB: 2 }]],
    ['malformed and empty lines are skipped', 'No devices were found\n\nx, A, 1, 2, 3\n', []],
    ['no output is no GPUs', '', []],
  ] as const)('%s', (_, output, expected) => {
    expect(parseNvidiaSmi(output)).toEqual(expected);
  });
});

describe('GpuPoller', () => {
  it('asks nvidia-smi for the CSV query and keeps the parsed result', async () => {
    const calls: string[][] = [];
    const poller = new GpuPoller((file, args) => {
      calls.push([file, ...args]);
      return Promise.resolve(RECORDED);
    });
    await poller.poll();
    expect(calls).toEqual([['nvidia-smi', ...NVIDIA_SMI_ARGS]]);
    expect(poller.current().map((g) => g.index)).toEqual([0, 1]);
  });

  it('reports no GPUs and stops asking when nvidia-smi is absent (a real missing binary)', async () => {
    const poller = new GpuPoller(undefined, 'slipway-no-such-nvidia-smi');
    await poller.poll();
    await poller.poll();
    expect(poller.current()).toEqual([]);
  });

  it('drops stale figures when a query fails', async () => {
    let fail = false;
    const poller = new GpuPoller(() => (fail ? Promise.reject(new Error('driver hiccup')) : Promise.resolve(RECORDED)));
    await poller.poll();
    expect(poller.current()).toHaveLength(2);
    fail = true;
    await poller.poll();
    expect(poller.current()).toEqual([]);
  });
});
