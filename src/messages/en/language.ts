// 言語 / Language (issue 28) in English. Each choice keeps its own name in brackets, so a patron
// who cannot read English still finds theirs.

export const languageChoice = {
  question: 'Choose your language. (言語を選んでください / ことばを えらんでください)',
  names: { ja: 'Japanese (日本語)', en: 'English', easy: 'Easy (やさしい日本語)' },
  chosen: 'I will answer in English from now on. Send "Language" at any time to change it.',
};
