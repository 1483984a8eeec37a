import { chat, refusalMessage } from '../../messages/current.js';
import type { Step, StepContext } from '../flow.js';
import type { Reply } from '../reply.js';
import { searchPhrase } from '../search-phrases.js';
import { expiredReply } from './common.js';
import { searchEffects, searchResultReplies } from './search.js';

const wordsOf = (ctx: StepContext) => (ctx.input.kind === 'text' ? searchPhrase(ctx.input.text).words : '');

/** The results with a line under their heading (the heading is the first reply, a text). */
function withLine(replies: Reply[], line: string): Reply[] {
  const [first, ...rest] = replies;
  return first?.kind === 'text' ? [{ ...first, text: `${first.text}\n${line}` }, ...rest] : replies;
}

/**
 * ぐりとぐらを予約したい (router: a search sentence that asks for a reservation): the search of its
 * words, then the reservation. One title that may be reserved: its reservation starts at once,
 * as if 予約申込 had been tapped (the login first, for a patron not logged in). Several: the
 * results, and which button to tap. None: the no-hit answer, as any search. `start` is the
 * reservation flow's own first step.
 */
export function reservePhraseSteps(start: Step): Record<string, Step> {
  return {
    find(ctx) {
      const words = wordsOf(ctx);
      if (!words) return { replies: [expiredReply()] };
      return { replies: [], effects: searchEffects(ctx, words, 0), then: 'found' };
    },
    found(ctx) {
      const s = ctx.facts.search;
      const shown = searchResultReplies(ctx.facts, wordsOf(ctx));
      if (!s || s.total === 0) return { replies: shown };
      // The patron's own refusal (R-ELIG-2) is said by the results' heading already.
      if (ctx.facts.eligibility?.reserve) return { replies: shown };
      const one = s.total === 1 ? s.results[0] : undefined;
      if (one?.reservable) return { replies: withLine(shown, chat.notReservable(refusalMessage(one.reservable))) };
      if (!one) return { replies: withLine(shown, chat.reserveWhich) };
      const started = start({ ...ctx, postback: { flow: 'reserve', step: 'start', args: [one.bibId] } });
      return { ...started, replies: [...shown, ...started.replies] };
    },
  };
}
