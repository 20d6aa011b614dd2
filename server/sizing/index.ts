/** Host resources and auto sizing: one budget of cores and GPUs shared by every runtime on the host. */
export { detectHostResources, parseNvidiaSmi, type GpuInfo, type HostResources } from './host-resources';
export { planSizing, scratchCores, type EffectiveSizing, type SizeSetting, type SizingPlan, type SizingRequest } from './plan-sizing';
export { effectiveSizingOf, sizedConfig, sizeEndpoints, sizingRequestOf, type SizedConfig } from './endpoint-sizing';
