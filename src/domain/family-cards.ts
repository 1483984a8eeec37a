// Family cards (docs/family-cards.md): how a card holder is named in the chat.

/**
 * The name a LINE user's card is called by: the given name when the stored name has a space
 * (「初富 花子」 → 「花子」: patrons.name is family name first), else the whole name (「ひなた」).
 * Two cards with the same given name fall back to the whole names, so the buttons differ.
 */
export function holderNames(names: readonly string[]): string[] {
  const short = names.map(givenName);
  return short.map((s, i) => (short.filter((t) => t === s).length > 1 ? names[i]!.trim() : s));
}

export function givenName(name: string): string {
  const parts = name.trim().split(/[\s\u3000]+/);
  return parts.length > 1 ? parts[parts.length - 1]! : name.trim();
}
