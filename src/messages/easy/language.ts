// 言語 / Language (issue 28) in やさしい日本語.

export const languageChoice = {
  question: 'ことばを えらんでください。\nChoose your language.',
  names: { ja: 'ふつうの日本語（にほんご）', en: 'English', easy: 'やさしい日本語（にほんご）' },
  chosen:
    'これから やさしい 日本語（にほんご）で こたえます。\nことばを かえる ときは 「げんご」と 送（おく）ってください。',
};
