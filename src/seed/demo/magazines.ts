/**
 * Magazines: each issue is its own record titled '<magazine> <issue>'; exactly one
 * issue per magazine is the latest issue (最新号), which cannot be reserved (R-RES-1)
 * and is not lent. Call numbers 'Z <NDC>'. Section 41.
 */
import { section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { magazine } = section(41);

/** The magazine names; every record title is one of these + ' ' + the issue. */
export const magazineNames = [
  'きょうの料理',
  '暮しの手帖',
  'Newton',
  'ダ・ヴィンチ',
  'NHKラジオ ラジオ英会話',
  '文藝春秋',
  'NHK趣味の園芸',
] as const;

const LATEST = true;
const BACK = false;

// magazine(name, issue, titleKana, publisher, NDC, latest?, holdings)
export const magazines: DemoRecord[] = [
  magazine('きょうの料理', '2026年9月号', 'キョウノリョウリ', 'NHK出版', '596', BACK, '本東'),
  magazine('きょうの料理', '2026年10月号', 'キョウノリョウリ', 'NHK出版', '596', BACK, '本東'),
  magazine('きょうの料理', '2026年11月号', 'キョウノリョウリ', 'NHK出版', '596', BACK, '本東'),
  magazine('きょうの料理', '2026年12月号', 'キョウノリョウリ', 'NHK出版', '596', LATEST, '本東'),
  magazine('暮しの手帖', '2026年6-7月号', 'クラシノテチョウ', '暮しの手帖社', '590', BACK, '本西'),
  magazine('暮しの手帖', '2026年8-9月号', 'クラシノテチョウ', '暮しの手帖社', '590', BACK, '本西'),
  magazine('暮しの手帖', '2026年10-11月号', 'クラシノテチョウ', '暮しの手帖社', '590', BACK, '本西'),
  magazine('暮しの手帖', '2026年12-2027年1月号', 'クラシノテチョウ', '暮しの手帖社', '590', LATEST, '本西'),
  magazine('Newton', '2026年10月号', 'ニュートン', 'ニュートンプレス', '405', BACK, '本'),
  magazine('Newton', '2026年11月号', 'ニュートン', 'ニュートンプレス', '405', BACK, '本'),
  magazine('Newton', '2026年12月号', 'ニュートン', 'ニュートンプレス', '405', BACK, '本'),
  magazine('Newton', '2027年1月号', 'ニュートン', 'ニュートンプレス', '405', LATEST, '本'),
  magazine('ダ・ヴィンチ', '2026年9月号', 'ダヴィンチ', 'KADOKAWA', '019', BACK, '本北'),
  magazine('ダ・ヴィンチ', '2026年10月号', 'ダヴィンチ', 'KADOKAWA', '019', BACK, '本北'),
  magazine('ダ・ヴィンチ', '2026年11月号', 'ダヴィンチ', 'KADOKAWA', '019', BACK, '本北'),
  magazine('ダ・ヴィンチ', '2026年12月号', 'ダヴィンチ', 'KADOKAWA', '019', LATEST, '本北'),
  magazine(
    'NHKラジオ ラジオ英会話',
    '2026年9月号',
    'エヌエイチケーラジオラジオエイカイワ',
    'NHK出版',
    '830',
    BACK,
    '本南',
  ),
  magazine(
    'NHKラジオ ラジオ英会話',
    '2026年10月号',
    'エヌエイチケーラジオラジオエイカイワ',
    'NHK出版',
    '830',
    BACK,
    '本南',
  ),
  magazine(
    'NHKラジオ ラジオ英会話',
    '2026年11月号',
    'エヌエイチケーラジオラジオエイカイワ',
    'NHK出版',
    '830',
    BACK,
    '本南',
  ),
  magazine(
    'NHKラジオ ラジオ英会話',
    '2026年12月号',
    'エヌエイチケーラジオラジオエイカイワ',
    'NHK出版',
    '830',
    LATEST,
    '本南',
  ),
  magazine('文藝春秋', '2026年10月号', 'ブンゲイシュンジュウ', '文藝春秋', '051', BACK, '本初'),
  magazine('文藝春秋', '2026年11月号', 'ブンゲイシュンジュウ', '文藝春秋', '051', BACK, '本初'),
  magazine('文藝春秋', '2026年12月号', 'ブンゲイシュンジュウ', '文藝春秋', '051', LATEST, '本初'),
  magazine('NHK趣味の園芸', '2026年10月号', 'エヌエイチケーシュミノエンゲイ', 'NHK出版', '620', BACK, '本東'),
  magazine('NHK趣味の園芸', '2026年11月号', 'エヌエイチケーシュミノエンゲイ', 'NHK出版', '620', BACK, '本東'),
  magazine('NHK趣味の園芸', '2026年12月号', 'エヌエイチケーシュミノエンゲイ', 'NHK出版', '620', LATEST, '本東'),
];
