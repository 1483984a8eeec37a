import { createHash, createHmac } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { type FormOutcome, type FormResult, formResultOf, recordFormResult } from '../db/page-form-results.js';
import type { DB } from '../db/schema.js';
import { ResultGonePage } from '../pages/account-messages.js';
import type { renderPage } from '../pages/layout.js';

type Node = Parameters<typeof renderPage>[0];
/** What a result page needs from the app (the kit's `render`, the pages' deps). */
interface ResultDeps {
  db: Kysely<DB>;
  clock: () => Date;
  publicBaseUrl: string;
  formSecret: Uint8Array;
  render: (c: Context, node: Node, status?: 404) => Promise<Response>;
}

/**
 * How long a form's result is kept: a resubmission (Back, reload) within it is answered with what
 * happened, and the result page can be reloaded. A day, like the mail's link: a page left open in
 * LINE's browser overnight still tells the truth.
 */
export const RESULT_TTL_MS = 24 * 60 * 60_000;
const RESULT_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * POST-redirect-GET for one kind of form. A completed form is recorded and answered 303 to a GET
 * page of its result, so Back and reload never post it again; the same form posted again anyway
 * (an old Back entry, a double tap) finds its result and is sent there, changing and counting
 * nothing. The result page's URL carries a result id, a MAC of the form's id: it opens that page
 * and nothing else (no form, no token); only a hash of it is stored.
 */
export function formResults(deps: ResultDeps, purpose: string, resultPath: string) {
  const resultId = (formId: string) =>
    createHmac('sha256', deps.formSecret).update(`form-result\u0000${purpose}\u0000${formId}`).digest('base64url');
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');
  const record = (formId: string, outcome: FormOutcome, shown: Record<string, string>) => {
    const now = deps.clock();
    const expiresAt = new Date(now.getTime() + RESULT_TTL_MS);
    return recordFormResult(deps.db, { resultHash: hash(resultId(formId)), purpose, outcome, shown, expiresAt }, now);
  };
  /** 303 to the result page; `again` when this answer is to the form posted a second time. */
  const redirect = (c: Context, formId: string, again = false) =>
    c.redirect(`${deps.publicBaseUrl}${resultPath}?r=${resultId(formId)}${again ? '&again=1' : ''}`, 303);

  return {
    resultPath,
    redirect,
    /** What became of this form when it was posted before, if it was. */
    earlier: (formId: string): Promise<FormResult | undefined> =>
      formResultOf(deps.db, hash(resultId(formId)), purpose, deps.clock()),
    /** The change is made and its answer is elsewhere (login: LINE's dialog): remember it only. */
    remember: async (formId: string): Promise<void> => {
      await record(formId, 'done', {});
    },
    /** The change is made: remember it, and send the browser to its result page. */
    async done(c: Context, formId: string, shown: Record<string, string> = {}): Promise<Response> {
      await record(formId, 'done', shown);
      return redirect(c, formId);
    },
    /**
     * The card or password was refused (and counted): a resubmission of this form is refused again
     * without another check or count. Answers what is recorded, 'done' when the first of a double
     * submission made the change while this one was refused.
     */
    failed: async (formId: string): Promise<FormOutcome> => (await record(formId, 'failed', {})).outcome,
    /** GET `resultPath`: the result page, or a page that says it can no longer be shown. */
    install(app: Hono, page: (shown: Record<string, string>, again: boolean) => Node, formHref: string) {
      app.get(resultPath, async (c) => {
        const id = c.req.query('r') ?? '';
        const found = RESULT_ID.test(id) ? await formResultOf(deps.db, hash(id), purpose, deps.clock()) : undefined;
        if (found?.outcome !== 'done') return deps.render(c, ResultGonePage({ formHref }), 404);
        return deps.render(c, page(found.shown, c.req.query('again') === '1'));
      });
    },
  };
}

export type FormResults = ReturnType<typeof formResults>;
