import { describe, expect, it } from 'vitest';
import { detectHostResources, parseNvidiaSmi } from './host-resources';

// Recorded from `nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits`.
const EIGHT_H100 = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${i}, NVIDIA H100 80GB HBM3, 81559`).join('\n') + '\n';
const ONE_T4 = '0, Tesla T4, 15360\n';
const NO_DEVICES = 'No devices were found\n';
const DRIVER_MISMATCH = 'Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 535.183\n';

describe('parseNvidiaSmi', () => {
  it.each([
    ['eight H100s', EIGHT_H100, 8, { index: 7, name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559 }],
    ['one T4', ONE_T4, 1, { index: 0, name: 'Tesla T4', memoryMiB: 15360 }],
    ['no devices', NO_DEVICES, 0, undefined],
    ['a driver mismatch', DRIVER_MISMATCH, 0, undefined],
    ['empty output', '', 0, undefined],
    ['a warning line before the GPUs', `WARNING: infoROM is corrupted at gpu 0000:00:04.0\n${ONE_T4}`, 1, { index: 0, name: 'Tesla T4', memoryMiB: 15360 }],
  ])('%s → %i GPUs', (_name, output, count, last) => {
    const gpus = parseNvidiaSmi(output);
    expect(gpus).toHaveLength(count);
    expect(gpus.at(-1)).toEqual(last);
  });
});

describe('detectHostResources', () => {
  it('takes SLIPWAY_HOST_CPUS over the detected count and says so', () => {
    expect(detectHostResources(3)).toMatchObject({ cpus: 3, cpusSource: 'SLIPWAY_HOST_CPUS' });
    const detected = detectHostResources(undefined);
    expect(detected.cpusSource).toBe('detected');
    expect(detected.cpus).toBeGreaterThanOrEqual(1);
  });
});
