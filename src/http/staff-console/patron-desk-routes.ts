import { type Context, Hono } from 'hono';
import { consoleWords } from '../../messages/ja/console.js';
import { formatDateJa, refusalMessage } from '../../messages/ja/index.js';
import { libraryProfile } from '../../profile/active.js';
import { checkin, checkout } from '../../services/circulation.js';
import type { ServiceFailure } from '../../services/errors.js';
import { placeHold } from '../../services/holds.js';
import { patronDesk, searchPatrons, unlinkPatronFromLine } from '../../services/patron-desk.js';
import { issueInitialPassword } from '../../services/patrons.js';
import { describeZodError } from '../staff-errors.js';
import { cardNumber as cardNumberShape, checkinBody, checkoutBody, holdBody } from '../staff-schemas.js';
import { ConsoleMessage } from './layout.js';
import { type ConsoleStatus, readConsoleForm, renderIn, requireArea, who } from './forms.js';
import { PatronSearchPage } from './patron-search-page.js';
import { PatronDeskPage, type DeskMessages } from './patron-views.js';
import { ReceiptPage } from './receipt-page.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from './session.js';

const w = consoleWords.desk;
const SEARCH_LIMIT = 50;
const DONE: Record<string, string> = {
  checkout: w.checkedOut,
  checkin: w.checkedIn,
  checkinTrapped: w.checkedInTrapped,
  hold: w.holdPlaced,
  unlinked: w.unlinked,
  notLinked: w.notLinked,
};
const WHAT: Record<string, string> = {
  patron: consoleWords.patron.cardNumber,
  item: w.barcodeLabel,
  bib: w.bibLabel,
  branch: w.branchLabel,
};

/** A service's failure as the desk says it, with the status the staff API gives it (staff-errors.ts). */
function failureText(f: ServiceFailure): { text: string; status: ConsoleStatus } {
  switch (f.kind) {
    case 'refused':
      return { text: refusalMessage(f.refusal), status: 422 };
    case 'not_found':
      return { text: consoleWords.failure.notFound(WHAT[f.what] ?? f.what), status: 404 };
    case 'conflict':
      return { text: consoleWords.failure.conflict(f.message), status: 409 };
  }
}

/**
 * The patron desk: find a patron, see them, and act at the counter. Every action validates its
 * form with the staff API's own schemas (staff-schemas.ts) and calls the service the staff API
 * calls, with the staff member as the actor: one copy of every rule.
 */
export function patronDeskRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const branches = () => libraryProfile().branches;
  const cardOf = (c: Context) => {
    const card = cardNumberShape.safeParse(c.req.param('card'));
    return card.success ? card.data : undefined;
  };
  const deskHref = (card: string, done?: string) =>
    `/staff/patrons/${encodeURIComponent(card)}${done ? `?done=${done}` : ''}`;
  const notFoundPage = (c: Context<ConsoleEnv>) =>
    renderIn(
      c,
      ConsoleMessage({
        title: consoleWords.notFound.title,
        body: consoleWords.failure.notFound(consoleWords.patron.cardNumber),
        ...who(deps, c),
        link: { href: '/staff/patrons', label: consoleWords.forbidden.back },
      }),
      404,
    );
  const showDesk = async (
    c: Context<ConsoleEnv>,
    card: string,
    messages: DeskMessages,
    status: ConsoleStatus = 200,
  ) => {
    const d = await patronDesk(deps.db, card);
    if (!d) return notFoundPage(c);
    return renderIn(c, PatronDeskPage({ ...who(deps, c), d, messages, branches: branches() }), status);
  };
  const failed = (c: Context<ConsoleEnv>, card: string, f: ServiceFailure) => {
    const { text, status } = failureText(f);
    return showDesk(c, card, { error: text }, status);
  };
  const badInput = (c: Context<ConsoleEnv>, card: string, message: string) =>
    showDesk(c, card, { error: message }, 422);
  const changed = (c: Context<ConsoleEnv>, card: string, done: string) => {
    deps.afterChange?.();
    return c.redirect(deskHref(card, done), 303);
  };

  app.use('/staff/patrons', requireArea(deps, 'patrons'));
  app.use('/staff/patrons/*', requireArea(deps, 'patrons'));
  app.use('/staff/patrons/:card/checkout', requireArea(deps, 'loans'));
  app.use('/staff/patrons/:card/checkin', requireArea(deps, 'loans'));
  app.use('/staff/patrons/:card/holds', requireArea(deps, 'holds'));

  app.get('/staff/patrons', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const hits = await searchPatrons(deps.db, q, SEARCH_LIMIT);
    const only = hits[0];
    if (hits.length === 1 && only && only.cardNumber === q.normalize('NFKC').trim())
      return c.redirect(deskHref(only.cardNumber), 303);
    return renderIn(c, PatronSearchPage({ ...who(deps, c), q, hits, limit: SEARCH_LIMIT }));
  });

  app.get('/staff/patrons/:card', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const done = c.req.query('done');
    return showDesk(c, card, { done: done && Object.hasOwn(DONE, done) ? DONE[done] : undefined });
  });

  app.post('/staff/patrons/:card/checkout', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const form = await readConsoleForm(c);
    const body = checkoutBody.safeParse({ cardNumber: card, itemBarcode: form.itemBarcode?.trim() ?? '' });
    if (!body.success) return badInput(c, card, w.badInput(w.barcodeLabel));
    const r = await checkout(
      deps.db,
      { cardNumber: body.data.cardNumber, itemBarcode: body.data.itemBarcode, loanPeriodDays: deps.loanPeriodDays },
      deps.clock(),
      actorOf(c),
    );
    if (!r.ok) return failed(c, card, r.failure);
    deps.log.info('staff console: checkout', { staff: c.get('staff').name, dueDate: formatDateJa(r.value.dueDate) });
    return changed(c, card, 'checkout');
  });

  app.post('/staff/patrons/:card/checkin', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const form = await readConsoleForm(c);
    const body = checkinBody.safeParse({ itemBarcode: form.itemBarcode?.trim() ?? '', branch: form.branch ?? '' });
    if (!body.success)
      return badInput(
        c,
        card,
        w.badInput(describeZodError(body.error).startsWith('branch') ? w.checkinBranchLabel : w.barcodeLabel),
      );
    const r = await checkin(deps.db, body.data, deps.clock(), actorOf(c));
    if (!r.ok) return failed(c, card, r.failure);
    return changed(c, card, r.value.trappedHoldId ? 'checkinTrapped' : 'checkin');
  });

  app.post('/staff/patrons/:card/holds', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const form = await readConsoleForm(c);
    const body = holdBody.safeParse({
      cardNumber: card,
      bibId: form.bibId?.normalize('NFKC').trim() ?? '',
      pickupBranch: form.pickupBranch ?? '',
      channel: form.channel ?? '',
    });
    if (!body.success)
      return badInput(
        c,
        card,
        w.badInput(describeZodError(body.error).split(':')[0] === 'bibId' ? w.bibLabel : w.branchLabel),
      );
    const r = await placeHold(deps.db, { ...body.data, actor: actorOf(c) }, deps.clock());
    if (!r.ok) return failed(c, card, r.failure);
    return changed(c, card, 'hold');
  });

  app.post('/staff/patrons/:card/initial-password', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const form = await readConsoleForm(c);
    const d = await patronDesk(deps.db, card);
    if (!d) return notFoundPage(c);
    // The form names the password it replaces: posted again (reload, double click) after it was
    // replaced, it issues nothing a second time (the receipt was shown once).
    if ((d.passwordSetAt?.toISOString() ?? 'none') !== form.passwordSetAt)
      return showDesk(c, card, { error: consoleWords.receipt.alreadyIssued }, 409);
    const now = deps.clock();
    const r = await issueInitialPassword(deps.db, card, now, {
      identityChecked: form.identityChecked === 'yes',
      actor: actorOf(c),
    });
    if (!r.ok) return failed(c, card, r.failure);
    return renderIn(
      c,
      ReceiptPage({
        ...who(deps, c),
        cardNumber: card,
        name: d.patron.name,
        password: r.value.initialPassword,
        issuedAt: now,
        libraryName: libraryProfile().library.name,
      }),
    );
  });

  app.post('/staff/patrons/:card/unlink-line', async (c) => {
    const card = cardOf(c);
    if (!card) return notFoundPage(c);
    const r = await unlinkPatronFromLine(deps.db, card, actorOf(c), deps.clock());
    if (!r.ok) return failed(c, card, r.failure);
    return changed(c, card, r.value.unlinked > 0 ? 'unlinked' : 'notLinked');
  });

  return app;
}
