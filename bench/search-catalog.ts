import type { CatalogRecord } from '../src/services/catalog.js';

/**
 * A deterministic Japanese-like catalog for bench/search: titles built from real words (kanji
 * compounds, katakana loan words, hiragana phrases, single kanji) with their readings, volume
 * numbers and subtitles; authors and publishers from name lists. Words are drawn by a Zipf-like
 * law, so some are common (日本, 歴史 in a few percent of titles) and most are rare, as in a
 * real library. Record i is the same on every run and machine (a seeded PRNG, no Math.random).
 */
type Word = readonly [text: string, kana: string];

const w = (list: string): Word[] =>
  list
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [text, kana] = pair.split('/');
      return [text!, kana ?? text!] as const;
    });

// Kanji compounds, most common first.
const NOUNS = w(`日本/ニホン 歴史/レキシ 世界/セカイ 子ども/コドモ 科学/カガク 社会/シャカイ 文化/ブンカ 生活/セイカツ
  経済/ケイザイ 自然/シゼン 時代/ジダイ 物語/モノガタリ 人生/ジンセイ 料理/リョウリ 健康/ケンコウ 教育/キョウイク 心理/シンリ
  戦争/センソウ 地球/チキュウ 宇宙/ウチュウ 環境/カンキョウ 技術/ギジュツ 家族/カゾク 音楽/オンガク 美術/ビジュツ 写真/シャシン
  哲学/テツガク 文学/ブンガク 政治/セイジ 法律/ホウリツ 数学/スウガク 物理/ブツリ 医学/イガク 植物/ショクブツ 動物/ドウブツ
  昆虫/コンチュウ 鉄道/テツドウ 建築/ケンチク 庭園/テイエン 郷土/キョウド 千葉/チバ 東京/トウキョウ 京都/キョウト 江戸/エド
  明治/メイジ 昭和/ショウワ 平成/ヘイセイ 令和/レイワ 戦国/センゴク 武士/ブシ 神話/シンワ 民話/ミンワ 童話/ドウワ 旅行/リョコウ
  散歩/サンポ 季節/キセツ 言葉/コトバ 漢字/カンジ 英語/エイゴ 仕事/シゴト 会社/カイシャ 経営/ケイエイ 投資/トウシ 税金/ゼイキン
  介護/カイゴ 育児/イクジ 看護/カンゴ 病気/ビョウキ 薬草/ヤクソウ 野菜/ヤサイ 果物/クダモノ 和菓子/ワガシ 茶道/サドウ 華道/カドウ
  書道/ショドウ 将棋/ショウギ 囲碁/イゴ 野球/ヤキュウ 登山/トザン 釣り/ツリ 天気/テンキ 地震/ジシン 火山/カザン 恐竜/キョウリュウ
  化石/カセキ 鉱物/コウブツ 微生物/ビセイブツ 遺伝子/イデンシ 人工知能/ジンコウチノウ 情報/ジョウホウ 通信/ツウシン 電気/デンキ
  機械/キカイ 農業/ノウギョウ 漁業/ギョギョウ 林業/リンギョウ 商店街/ショウテンガイ 図書館/トショカン 博物館/ハクブツカン
  美術館/ビジュツカン 城下町/ジョウカマチ 港町/ミナトマチ 温泉/オンセン 祭り/マツリ 妖怪/ヨウカイ 忍者/ニンジャ 探偵/タンテイ
  魔法/マホウ 冒険/ボウケン 友情/ユウジョウ 恋愛/レンアイ 青春/セイシュン 少年/ショウネン 少女/ショウジョ 王様/オウサマ`);

// Loan words; the last ones are spellings of one another (バイオリン/ヴァイオリン, ウイスキー/ウィスキー,
// コンピューター beside コンピュータ), found by either (docs/search.md, kana spellings).
const KATAKANA = w(`コンピュータ プログラミング デザイン ビジネス マネジメント ミステリー ファンタジー レシピ ガイド
  ハンドブック データ ネットワーク インターネット セキュリティ マーケティング リーダーシップ コミュニケーション
  ストーリー ヒストリー サイエンス アート ロボット エネルギー ダイエット ヨガ ピアノ ギター サッカー テニス
  マラソン キャンプ ガーデニング パン ケーキ カレー ラーメン コーヒー ワイン チーズ ハーブ アロマ
  バイオリン ヴァイオリン ウイスキー ウィスキー コンピューター ベートーヴェン ヴィーナス`);

const SINGLE =
  w(`猫/ネコ 海/ウミ 花/ハナ 空/ソラ 星/ホシ 森/モリ 春/ハル 夏/ナツ 秋/アキ 冬/フユ 夜/ヨル 川/カワ 鳥/トリ
  犬/イヌ 雨/アメ 風/カゼ 月/ツキ 山/ヤマ 島/シマ 雪/ユキ 桜/サクラ 光/ヒカリ 夢/ユメ 心/ココロ 旅/タビ 街/マチ 庭/ニワ`);

const OPENERS = w(`はじめての/ハジメテノ やさしい/ヤサシイ よくわかる/ヨクワカル たのしい/タノシイ すぐできる/スグデキル
  図解/ズカイ 新版/シンパン 実践/ジッセン 基礎から学ぶ/キソカラマナブ 知っておきたい/シッテオキタイ ちいさな/チイサナ`);

const SUFFIXES =
  w(`入門/ニュウモン 図鑑/ズカン 事典/ジテン 辞典/ジテン 読本/ドクホン 講座/コウザ 全集/ゼンシュウ 研究/ケンキュウ
  ガイド ノート のひみつ/ノヒミツ のはなし/ノハナシ の基本/ノキホン の教科書/ノキョウカショ のすべて/ノスベテ 百科/ヒャッカ
  ものがたり/モノガタリ さんぽ/サンポ 便利帳/ベンリチョウ 論/ロン 史/シ`);

// Surnames, most common first; the last ones are 異体字 of common ones (齋藤 斉藤 beside 斎藤, 髙橋,
// 渡邊 渡邉, 澤 濱 﨑), as real catalogs hold them: the query mix's spelling variants find them all.
const SURNAMES =
  w(`佐藤/サトウ 鈴木/スズキ 高橋/タカハシ 田中/タナカ 伊藤/イトウ 渡辺/ワタナベ 山本/ヤマモト 中村/ナカムラ
  小林/コバヤシ 加藤/カトウ 吉田/ヨシダ 山田/ヤマダ 佐々木/ササキ 山口/ヤマグチ 松本/マツモト 井上/イノウエ 木村/キムラ
  林/ハヤシ 斎藤/サイトウ 清水/シミズ 山崎/ヤマザキ 森/モリ 池田/イケダ 橋本/ハシモト 阿部/アベ 石川/イシカワ 前田/マエダ
  藤田/フジタ 小川/オガワ 岡田/オカダ 後藤/ゴトウ 長谷川/ハセガワ 村上/ムラカミ 近藤/コンドウ 石井/イシイ 坂本/サカモト
  遠藤/エンドウ 青木/アオキ 藤井/フジイ 西村/ニシムラ 福田/フクダ 太田/オオタ 三浦/ミウラ 藤原/フジワラ 岡本/オカモト
  齋藤/サイトウ 斉藤/サイトウ 髙橋/タカハシ 渡邊/ワタナベ 渡邉/ワタナベ 澤田/サワダ 濱田/ハマダ 山﨑/ヤマザキ`);

const GIVEN = w(`太郎 花子 一郎 健一 浩 誠 直樹 裕子 恵子 美穂 大輔 翔太 陽子 真理 修 智子 和夫 明美 健太 さくら みゆき
  かおる ひろし あゆみ 洋平 亮 由美 聡 隆 美咲`);

const FOREIGN = w(`ジョン・スミス マリー・デュポン ハンス・シュミット アンナ・ペトロワ デビッド・ブラウン エマ・ワトソン
  カルロス・ガルシア リン・チェン ソフィア・ロッシ トーマス・ミラー`);

const PUBLISHERS = w(`新潮社 講談社 岩波書店 集英社 小学館 文藝春秋 角川書店 筑摩書房 中央公論新社 ポプラ社 偕成社
  福音館書店 河出書房新社 東洋経済新報社 日経BP 技術評論社 オーム社 有斐閣 吉川弘文館 平凡社 光文社 幻冬舎
  朝日新聞出版 PHP研究所 ダイヤモンド社 学研プラス 成美堂出版 主婦の友社 山と溪谷社 千葉日報社`);

const NDC = [
  '002',
  '007.6',
  '010',
  '159',
  '210.1',
  '291.3',
  '302.1',
  '336',
  '366',
  '404',
  '450',
  '480',
  '486',
  '493',
  '596',
  '626',
  '686',
  '723',
  '783',
  '913.6',
  '914.6',
  '933',
];

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index drawn with weight 1/(i+1)^s: the first entries of a list are the common ones. */
function zipf(n: number, s: number): (r: number) => number {
  const cum: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** s;
    cum.push(sum);
  }
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pickers = new Map<Word[], (r: number) => number>();
function pick(list: Word[], r: () => number, s = 0.7): Word {
  let z = pickers.get(list);
  if (!z) {
    z = zipf(list.length, s);
    pickers.set(list, z);
  }
  return list[z(r())]!;
}
const join = (...ws: Word[]): Word => [ws.map((x) => x[0]).join(''), ws.map((x) => x[1]).join('')];

const NO: Word = ['の', 'ノ'];
const TO: Word = ['と', 'ト'];
const BRANCHES = ['honkan', 'tobu', 'seibu', 'hokubu', 'nanbu', 'higashi-hatsutomi'] as const;

/** The title (and its reading) of record i: one of a few shapes seen in real catalogs. */
function titleOf(r: () => number): Word {
  const noun = () => pick(NOUNS, r, 0.6);
  const thing = () => (r() < 0.7 ? noun() : pick(KATAKANA, r));
  const shape = r();
  let t: Word;
  if (shape < 0.25) t = join(noun(), NO, thing());
  else if (shape < 0.45) t = join(pick(OPENERS, r), thing(), pick(SUFFIXES, r));
  else if (shape < 0.6) t = join(pick(SINGLE, r), NO, r() < 0.5 ? pick(SINGLE, r) : noun());
  else if (shape < 0.72) t = join(noun(), noun());
  else if (shape < 0.82) t = join(pick(KATAKANA, r), NO, pick(SINGLE, r));
  else if (shape < 0.9) t = join(noun(), TO, noun());
  else t = join(thing(), pick(SUFFIXES, r));
  const tail = r();
  // A subtitle after a space, or a volume: 上/下, 第n巻, or a bare number.
  if (tail < 0.12) t = join(t, [' ', ''], noun(), NO, pick(SUFFIXES, r));
  else if (tail < 0.2) t = join(t, r() < 0.5 ? [' 上', 'ジョウ'] : [' 下', 'ゲ']);
  else if (tail < 0.28) t = join(t, [` 第${1 + Math.floor(r() * 12)}巻`, '']);
  else if (tail < 0.36) t = join(t, [` ${1 + Math.floor(r() * 30)}`, '']);
  return t;
}

function authorOf(r: () => number): string {
  if (r() < 0.08) return pick(FOREIGN, r)[0];
  return pick(SURNAMES, r, 0.4)[0] + (r() < 0.3 ? ' ' : '') + pick(GIVEN, r, 0.5)[0];
}

/**
 * The ISBN of record i, valid (check digit, and a range of the Japanese group, publisher 00–19
 * with six-digit titles, as isbn3 checks): 978-4-PP-TTTTTT-C. Every tenth record gives it in the
 * ISBN-10 form (4-PP-TTTTTT-C), as older records do; the search finds both by the 13 digits.
 */
export function benchIsbn(i: number, form: 10 | 13 = i % 10 === 0 ? 10 : 13): string {
  const body = `4${String(Math.floor(i / 1_000_000) % 20).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`;
  if (form === 10) {
    const sum = [...body].reduce((n, d, k) => n + Number(d) * (10 - k), 0);
    const c = (11 - (sum % 11)) % 11;
    return `${body.slice(0, 1)}-${body.slice(1, 3)}-${body.slice(3)}-${c === 10 ? 'X' : c}`;
  }
  const twelve = `978${body}`;
  const sum = [...twelve].reduce((n, d, k) => n + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/**
 * What kind of material record i is, in shares near a public library's: mostly books, with
 * picture books (classification E), kamishibai (type and classification C), magazines, CDs and
 * DVDs; some books are shelved YA or as large print (a mark on the call number).
 */
function materialOf(
  r: () => number,
  ndc: string,
  kana: string,
): Pick<CatalogRecord, 'materialType' | 'classification'> & { callNumber: string } {
  const x = r();
  const mark = kana.slice(0, 1);
  if (x < 0.05) return { materialType: 'book', classification: 'E', callNumber: `E ${mark}` };
  if (x < 0.06) return { materialType: 'kamishibai', classification: 'C', callNumber: `P ${mark}` };
  if (x < 0.08) return { materialType: 'magazine', classification: ndc, callNumber: `Z ${ndc}` };
  if (x < 0.09) return { materialType: 'cd', classification: '764', callNumber: 'CD 764' };
  if (x < 0.1) return { materialType: 'dvd', classification: '778', callNumber: 'DVD 778' };
  if (x < 0.115) return { materialType: 'book', classification: ndc, callNumber: `YA ${ndc.split('.')[0]} ${mark}` };
  if (x < 0.12) return { materialType: 'book', classification: ndc, callNumber: `大活字 ${ndc.split('.')[0]} ${mark}` };
  return { materialType: 'book', classification: ndc, callNumber: `${ndc} ${mark}` };
}

/** Record i of the catalog; one copy each, barcode `B{i}`. */
export function benchRecord(i: number): CatalogRecord {
  const r = prng(0x5eed + i * 7919);
  const [title, kana] = titleOf(r);
  const year = r() < 0.05 ? undefined : 2026 - Math.floor(r() ** 1.5 * 70);
  const ndc = NDC[Math.floor(r() * NDC.length)]!;
  const author = authorOf(r);
  const publisher = pick(PUBLISHERS, r, 0.4)[0];
  const { callNumber, ...material } = materialOf(r, ndc, kana);
  return {
    title,
    titleKana: kana,
    author,
    publisher,
    year,
    isbn: benchIsbn(i),
    ...material,
    items: [{ barcode: `B${i}`, branch: BRANCHES[i % BRANCHES.length]!, callNumber }],
  };
}
