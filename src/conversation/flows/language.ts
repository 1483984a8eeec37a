import { z } from 'zod';
import { inLanguage, isLanguage, LANGUAGES, type Language } from '../../lib/language.js';
import { languageChoice } from '../../messages/current.js';
import type { Flow, StepContext } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import { menuFor } from './common.js';

export const LANGUAGE_FLOW = 'language';

/**
 * What a typed answer to the question may be: any language's name for a language, in any of the
 * tables (「English」, 「やさしい日本語」, 「Japanese」, 「日本語」), without case or width.
 */
const fold = (t: string) => t.normalize('NFKC').trim().toLowerCase();
function typedLanguage(t: string): Language | undefined {
  const said = fold(t);
  for (const language of LANGUAGES)
    for (const table of LANGUAGES) {
      const name = inLanguage(table, () => languageChoice.names[language]);
      if (fold(name) === said || fold(name.replace(/\s*[（(].*[)）]\s*$/, '')) === said) return language;
    }
  return undefined;
}

const choice = (language: Language): Action => {
  const label = languageChoice.names[language];
  return { kind: 'postback', label, data: encodePostback(LANGUAGE_FLOW, 'set', language)!, displayText: label };
};

/** Chosen: said in the new language, with the menu in the new language. */
function chosen(ctx: StepContext, language: Language) {
  return {
    replies: [inLanguage(language, () => text(languageChoice.chosen, menuFor(ctx)))],
    effects: [{ kind: 'setLanguage' as const, language }],
    next: null,
  };
}

/**
 * 言語 / Language (issue 28, docs/translating.md): the three languages as quick replies, each in
 * its own name; a tap (or the name typed) stores the choice for this LINE user and answers in it.
 * The login state does not matter: the language belongs to the LINE user, not to the card.
 */
export const languageFlow: Flow = {
  name: LANGUAGE_FLOW,
  states: { choosing: z.object({}) },
  textSteps: ['choosing'],
  // Only a language's name answers the question; other words are a search as usual.
  textOnly: { choosing: (t) => typedLanguage(t) !== undefined },
  steps: {
    ask: () => ({
      replies: [text(languageChoice.question, LANGUAGES.map(choice))],
      next: { step: 'choosing', data: {} },
    }),
    set(ctx) {
      const language = ctx.postback?.args[0];
      if (!isLanguage(language)) return { replies: [text(languageChoice.question, LANGUAGES.map(choice))] };
      return chosen(ctx, language);
    },
    choosing(ctx) {
      const language = ctx.input.kind === 'text' ? typedLanguage(ctx.input.text) : undefined;
      return language ? chosen(ctx, language) : { replies: [text(languageChoice.question, LANGUAGES.map(choice))] };
    },
  },
};
