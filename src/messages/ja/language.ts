// 言語 / Language (issue 28): the question and the answer. The choices are each language's own name.

export const languageChoice = {
  question: '表示する言語を選んでください。\nChoose your language. / ことばを えらんでください。',
  names: { ja: '日本語', en: 'English', easy: 'やさしい日本語' },
  chosen: 'これから日本語でお答えします。言語は「言語 / Language」でいつでも変えられます。',
};
