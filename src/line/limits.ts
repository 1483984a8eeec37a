/** LINE's limits on what one reply or push may carry (Messaging API reference). */
export const LIMITS = {
  messagesPerReply: 5,
  textLength: 5000,
  quickReplyItems: 13,
  quickReplyLabel: 20,
  actionLabel: 20,
  postbackData: 300,
  uriLength: 1000,
  carouselBubbles: 12,
  flexBytes: 50_000,
  altText: 400,
} as const;

/** Every way the messages break a limit; empty when LINE would accept them. */
export function limitViolations(messages: readonly unknown[]): string[] {
  const problems: string[] = [];
  if (messages.length > LIMITS.messagesPerReply) problems.push(`${messages.length} messages in one reply`);
  messages.forEach((m, i) => {
    const msg = m as Record<string, unknown>;
    if (msg.type === 'text' && String(msg.text).length > LIMITS.textLength)
      problems.push(`message ${i}: text too long`);
    if (msg.type === 'text' && String(msg.text).length === 0) problems.push(`message ${i}: empty text`);
    if (msg.type === 'flex') {
      if (String(msg.altText).length > LIMITS.altText || String(msg.altText).length === 0)
        problems.push(`message ${i}: altText length`);
      const contents = msg.contents as Record<string, unknown>;
      if (contents.type === 'carousel' && (contents.contents as unknown[]).length > LIMITS.carouselBubbles)
        problems.push(`message ${i}: too many bubbles`);
      if (Buffer.byteLength(JSON.stringify(contents)) > LIMITS.flexBytes)
        problems.push(`message ${i}: flex over 50 KB`);
    }
    const quick = (msg.quickReply as { items?: unknown[] } | undefined)?.items ?? [];
    if (quick.length > LIMITS.quickReplyItems) problems.push(`message ${i}: ${quick.length} quick replies`);
    for (const q of quick) {
      const label = String((q as { action: { label?: string } }).action.label ?? '');
      if (label.length === 0 || label.length > LIMITS.quickReplyLabel)
        problems.push(`message ${i}: quick reply label "${label}"`);
    }
    walkActions(msg, (a) => {
      const label = String(a.label ?? '');
      if (label.length === 0 || label.length > LIMITS.actionLabel)
        problems.push(`message ${i}: action label "${label}"`);
      if (a.type === 'postback' && String(a.data).length > LIMITS.postbackData)
        problems.push(`message ${i}: postback data too long`);
      if (a.type === 'uri' && (String(a.uri).length > LIMITS.uriLength || !/^https?:\/\//.test(String(a.uri))))
        problems.push(`message ${i}: bad uri`);
    });
    walkTexts(msg, (t) => {
      if (t.length === 0) problems.push(`message ${i}: empty flex text`);
    });
  });
  return problems;
}

function walkActions(node: unknown, visit: (a: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walkActions(n, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'action' && typeof v === 'object' && v !== null) visit(v as Record<string, unknown>);
    else walkActions(v, visit);
  }
}

function walkTexts(node: unknown, visit: (t: string) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walkTexts(n, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Record<string, unknown>;
  if (n.type === 'text' && 'size' in n) visit(String(n.text ?? ''));
  for (const v of Object.values(n)) if (typeof v === 'object') walkTexts(v, visit);
}
