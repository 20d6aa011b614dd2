export * from './models';
export * from './endpoints';
export * from './rollouts';
export * from './runtime-instances';
export * from './audit';
export * from './auth';
export * from './metrics';
export * from './endpoint-scales';
