/**
 * Postback data names the flow and step a button belongs to, so a tap on an old button is
 * recognised: `flow|step|arg|arg…`. Only the last argument may contain '|' (free text).
 * LINE allows 300 characters; a button whose data would be longer is not offered.
 */
export const MAX_POSTBACK_LENGTH = 300;

export interface Postback {
  flow: string;
  step: string;
  args: string[];
}

export function encodePostback(flow: string, step: string, ...args: string[]): string | undefined {
  const data = [flow, step, ...args].join('|');
  return data.length <= MAX_POSTBACK_LENGTH ? data : undefined;
}

export function decodePostback(data: string): Postback | undefined {
  const parts = data.split('|');
  const [flow, step] = parts;
  if (!flow || !step || !/^[a-z-]{1,32}$/.test(flow) || !/^[a-zA-Z-]{1,32}$/.test(step)) return undefined;
  return { flow, step, args: parts.slice(2) };
}

/** The arguments from `index` on, joined back (free text that may contain '|'). */
export function restOf(p: Postback, index: number): string {
  return p.args.slice(index).join('|');
}

/**
 * An action on a family card (docs/family-cards.md): `as|<patronId>|<the action's own data>`. The
 * engine makes that card the active one (only if it is one of the LINE user's cards) and then
 * handles the inner data as if it had been tapped alone.
 */
export function onCard(patronId: string, data: string): string | undefined {
  const wrapped = `as|${patronId}|${data}`;
  return wrapped.length <= MAX_POSTBACK_LENGTH ? wrapped : undefined;
}

export function cardOfPostback(data: string): { patronId: string; data: string } | undefined {
  const m = /^as\|([^|]{1,40})\|(.+)$/s.exec(data);
  return m ? { patronId: m[1]!, data: m[2]! } : undefined;
}
