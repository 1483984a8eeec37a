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
