/** Audit targets are paths, so a filter on one names exactly one thing. */
export const auditTarget = {
  model: (name: string) => `model/${name}`,
  version: (model: string, version: number) => `model/${model}/version/${version}`,
  endpoint: (name: string) => `endpoint/${name}`,
  token: (id: string) => `token/${id}`,
  rollout: (endpoint: string, id: number) => `endpoint/${endpoint}/rollout/${id}`,
  client: (address: string) => `client/${address}`,
};
