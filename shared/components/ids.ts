/** The components CDX Setup installs, in Setup's order: the ids the registry, the contract and settings files use. */
export const COMPONENT_IDS = ['async-server', 'async-client'] as const;
export type ComponentId = (typeof COMPONENT_IDS)[number];
