// The patron pages' shared words and the login page, in やさしい日本語.

import { lib } from './library.js';
import { AT_COUNTER_WITH_ID, NO_CARD_YET } from './phrases.js';

const BACK_TO_LINE = 'LINEの トークに もどって、「ログイン」と 送（おく）って ください。';

export const pages = {
  get libraryName(): string {
    return lib.name;
  },
  serviceName: 'LINEサービス',
  required: (label: string) => `${label}を 入（い）れて ください。`,
  errorHeading: '入（い）れた ものを 見（み）て ください',
  closeAndReturn: 'この ページを 閉（と）じて、LINEの トークに もどって ください。',
  login: {
    title: 'ログイン',
    lead:
      '利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを 入（い）れて、「ログイン」を 押（お）して ください。' +
      'この LINEと 利用者（りようしゃ）カードが つながります。' +
      'そして、LINEで 予約（よやく）・ご利用状況（りようじょうきょう）を 見（み）る こと・延長（えんちょう）が できます。',
    cardNumberLabel: '利用者（りようしゃ）カードの 番号（ばんごう）',
    cardNumberHint: '利用者（りようしゃ）カードに 書（か）いて ある 番号（ばんごう）です。',
    passwordLabel: 'パスワード',
    get passwordHint(): string {
      return (
        `図書館（としょかん）で もらった はじめの パスワード（英語（えいご）の 文字（もじ）と 数字（すうじ）で ${lib.initialPasswordLength}文字（もじ））です。` +
        'パスワードを かえた 人（ひと）は、新（あたら）しい パスワードです。'
      );
    },
    submit: 'ログイン',
    privacy:
      'カードの 番号（ばんごう）と パスワードは、図書館（としょかん）の コンピューターにだけ 送（おく）ります。LINEには 送（おく）りません。',
    whoTitle: 'ログインできる 人（ひと）',
    get who(): string[] {
      return [
        `${lib.name}に 登録（とうろく）して いて、パスワードを 持（も）って いる ${lib.ageRule || '人（ひと）'}`,
        '障（しょう）がい者（しゃ）サービスに 登録（とうろく）して いる 人（ひと）は、パスワードを 登録（とうろく）できません。だから、つかえません。',
      ];
    },
    noCardTitle: '利用者（りようしゃ）カードが ない 人（ひと）',
    noCard: NO_CARD_YET,
    passwordTitle: 'パスワードが ない 人（ひと）・わすれた 人（ひと）',
    get passwordHelp(): string {
      return (
        `${AT_COUNTER_WITH_ID}そして、パスワードが ほしいと 言（い）って ください。` +
        `はじめの パスワードを レシートで わたします。英語（えいご）の 文字（もじ）と 数字（すうじ）で ${lib.initialPasswordLength}文字（もじ）です。` +
        '図書館（としょかん）も パスワードを 知（し）りません。だから、わすれた ときも 新（あたら）しい パスワードを 出（だ）します。' +
        'インターネットや LINEでは 出（だ）せません。'
      );
    },
  },
  linkExpired: {
    title: 'この ページは もう つかえません',
    body:
      'ログインの ページは、LINEで 開（ひら）いてから しばらく すると つかえなく なります。' +
      `${BACK_TO_LINE}メニューの「ログイン」を 押（お）しても いいです。` +
      '新（あたら）しい ページを 開（ひら）いて ください。',
  },
  loginAccepted: {
    title: 'ログインの 手（て）つづきは もう おわって います',
    body:
      'この ページからの ログインは うけつけました。LINEの トークに もどって ください。' +
      'トークに「ログインしました」と 出（で）て いない ときは、「ログイン」と 送（おく）って ください。' +
      '新（あたら）しい ページから、もう 一度（いちど） ためして ください。',
  },
  loginRefused: {
    title: 'LINEで つかう ことに ついて',
    wayForward: 'わからない ことは、図書館（としょかん）の カウンターで 聞（き）いて ください。',
  },
  forbidden: {
    title: 'この そうさは うけつけませんでした',
    body:
      'あんぜんの ために、LINEの トークから 開（ひら）いた ページからしか うけつけません。' +
      `${BACK_TO_LINE}出（で）た ページから、もう 一度（いちど） ためして ください。`,
  },
  failed: {
    title: 'いまは できません',
    body:
      'ごめんなさい。とちゅうで もんだいが おきました。ログインは おわって いません。' +
      `しばらく してから、${BACK_TO_LINE}そして、もう 一度（いちど） ためして ください。`,
  },
} as const;
