/**
 * What the bot says, independent of LINE. line/outbound.ts is the one place that turns these
 * into LINE message JSON; flows and services never see LINE types.
 */
export type Reply = { kind: 'text'; text: string };

export const text = (t: string): Reply => ({ kind: 'text', text: t });
