// 家族（かぞく）の カード (docs/family-cards.md): one LINE account manages the household's cards.

export const familyCards = {
  holder: (name: string) => `${name}さん`,
  cardButton: (holder: string) => `${holder}のカード`,
  addButton: 'かぞくの カードを ついか',
  unlinkAllButton: 'ぜんぶの カード',
  addLead:
    '家族（かぞく）の カードを 追加（ついか）します。その カードの 番号（ばんごう）と パスワードで ログインして ください。',
  added: (holder: string) =>
    `${holder}の カードを 追加（ついか）しました。いまは ${holder}の カードを つかいます。` +
    'ほかの カードに かえる ときは、下（した）の ボタンを おして ください。',
  actingFor: (holder: string) => `${holder}の カードを つかいます。`,
  reservingFor: (holder: string) => `${holder}の カードで 予約（よやく）します。`,
  active: (holder: string) => `いまは ${holder}の カードを つかいます。`,
  switched: (holder: string) => `${holder}の カードに かえました。`,
  chooseCard: 'どの カードを つかいますか？',
  unlinkQuestion: 'やめる カードを えらんで ください。ログアウトすると、ぜんぶの カードを やめます。',
  unlinked: (holder: string) => `${holder}の カードを やめました。`,
  unlinkedAll: 'ぜんぶの カードを やめました（ログアウトしました）。',
  statusHeader: (cards: number) => `家族（かぞく）の りよう（カード ${cards}まい）`,
  holderLine: (holder: string, loans: number, holds: number) =>
    `■ ${holder}：かりている 本（ほん） ${loans}さつ／予約（よやく） ${holds}けん`,
  holderRefused: (holder: string, reason: string) => `■ ${holder}：${reason}`,
  activeMark: '（いま つかう カード）',
  moreElsewhere:
    'ほかの 本（ほん）は、カードを かえてから「ご利用状況（ごりようじょうきょう）」で 見（み）て ください。',
  cardHeading: (holder: string, heading: string) => `${holder}｜${heading}`,
  noticeFor: (holder: string) => `${holder}の カードの おしらせ`,
  noticeAltText: (label: string, altText: string) => `${label}：${altText}`,
  cardMovedAlt: 'カードの 登録（とうろく）を やめました',
  cardMoved: (holder: string) =>
    `${holder}の 利用者（りようしゃ）カードが、ほかの LINE（ライン）で 登録（とうろく）されました。` +
    'だから、この LINE（ライン）では この カードを もう つかえません。' +
    'わからない ときは、パスワードを かえて、図書館（としょかん）に きいて ください。',
} as const;
