import { createHash, randomBytes } from 'node:crypto';
import { cardOfImageToken, insertCardImageToken } from '../db/card-image-tokens.js';
import type { Executor } from '../db/executor.js';
import { findPatron } from '../db/patrons.js';
import { CARD_IMAGE_MINUTES, codabarText, maskedCardNumber } from '../domain/library-card.js';
import { codabarPng } from '../lib/codabar-png.js';
import { libraryProfile } from '../profile/active.js';

/**
 * The library card in LINE (docs/library-card.md). The chat gets the holder's name, the masked
 * number and an address of the barcode image; the image itself is drawn per request from a
 * random token whose SHA-256 alone is stored, valid CARD_IMAGE_MINUTES.
 */

/**
 * The card the LINE user's 利用者カード shows: today the one card linked to them. Family cards
 * (issue 27, later) replace this with the user's active card; nothing else needs to change.
 */
export function cardShownTo(user: { lineUserId: string; patronId: string | null }): string | null {
  return user.patronId;
}

export interface CardView {
  holderName: string;
  maskedNumber: string;
  /** The path of the image under PUBLIC_BASE_URL: /card/<token>.png */
  imagePath: string;
  expiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh address of the card's image; undefined when there is no such card or it cannot be drawn. */
export async function issueCardView(db: Executor, patronId: string, now: Date): Promise<CardView | undefined> {
  const patron = await findPatron(db, patronId);
  if (!patron || !barcodeText(patron.cardNumber)) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CARD_IMAGE_MINUTES * 60_000);
  await insertCardImageToken(db, { tokenHash: sha256(token), patronId, expiresAt }, now);
  return {
    holderName: patron.name,
    maskedNumber: maskedCardNumber(patron.cardNumber),
    imagePath: `/card/${token}.png`,
    expiresAt,
  };
}

/** The PNG a live token shows; undefined for an unknown, altered or expired token. */
export async function cardImage(db: Executor, token: string, now: Date): Promise<Buffer | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const card = await cardOfImageToken(db, sha256(token), now);
  const text = card && barcodeText(card.cardNumber);
  return text ? codabarPng(text) : undefined;
}

function barcodeText(cardNumber: string): string | undefined {
  const { codabarStart, codabarStop } = libraryProfile().card;
  return codabarText(cardNumber, { start: codabarStart, stop: codabarStop });
}
