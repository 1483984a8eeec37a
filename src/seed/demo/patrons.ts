/**
 * Demo patrons: one for every case of R-ELIG. "Today" for the demo is 2026-11-28
 * (Asia/Tokyo); the birth dates are chosen against the school-year rule R-ELIG-6
 * (a child enters first grade on the 1 April after turning 6; the cohort runs from
 * 2 April to 1 April). Passwords of 8 alphanumerics are initial passwords printed at
 * the counter (R-PW-1); longer ones have been changed by the patron (R-PW-2).
 */
import type { DemoPatron } from './types.js';

export const demoPatrons: DemoPatron[] = [
  {
    cardNumber: '2000000001',
    name: '鎌ケ谷 太郎',
    birthDate: '1975-05-12',
    residency: 'resident',
    password: 'k7Tm2qX9',
    note: 'Resident adult on the initial password: every service; has loans (one overdue, one DVD) and a hold',
  },
  {
    cardNumber: '2000000002',
    name: '初富 花子',
    birthDate: '1982-09-03',
    residency: 'resident',
    password: 'hanako2026lib',
    email: 'hanako@example.jp',
    emailType: 'pc',
    note:
      'Resident adult with a changed password and a confirmed PC e-mail address (E-mail contact available); first in ' +
      'the queue for 街とその不確かな壁',
  },
  {
    cardNumber: '2000000003',
    name: '佐藤 健一',
    birthDate: '1968-02-20',
    residency: 'resident',
    password: 'Sk4r8Tz2',
    note: 'Resident adult with 4 active holds (counter, phone, online): exactly one more hold is allowed (R-RES-2)',
  },
  {
    cardNumber: '2000000004',
    name: '鈴木 美咲',
    birthDate: '1990-11-11',
    residency: 'resident',
    password: 'misaki0520x',
    note: 'Resident adult at the limit of 5 active holds: a 6th hold is refused (R-RES-2)',
  },
  {
    cardNumber: '2000000005',
    name: '高橋 修',
    birthDate: '1985-06-30',
    residency: 'worker',
    password: 'Wp3n9Lc5',
    note: 'Works in the city (在勤), lives elsewhere: may reserve (R-ELIG-2); has an overdue loan',
  },
  {
    cardNumber: '2000000006',
    name: '田中 由香',
    birthDate: '2008-07-15',
    residency: 'student',
    password: 'Sy6d2Hq8',
    note: 'Studies in the city (在学), lives elsewhere: may reserve (R-ELIG-2)',
  },
  {
    cardNumber: '2000000007',
    name: '伊藤 誠',
    birthDate: '1972-01-25',
    residency: 'none',
    password: 'Nr5b7Gk3',
    note:
      'Lives, works and studies outside the city: may see usage status and renew (R-ELIG-3) but not reserve or ' +
      'register an e-mail address (R-ELIG-2, R-ELIG-4); loans show every renewal refusal (overdue, hold waiting, ' +
      'renewed once)',
  },
  {
    cardNumber: '2000000008',
    name: '渡辺 ひなた',
    birthDate: '2020-04-02',
    residency: 'resident',
    password: 'Hn2c8Rw4',
    note:
      'Born 2020-04-02 (cohort boundary): enters first grade only on 2027-04-01, so not yet elementary-school age; ' +
      'password services refused although a password exists (R-ELIG-6)',
  },
  {
    cardNumber: '2000000009',
    name: '山本 こうた',
    birthDate: '2020-10-05',
    residency: 'resident',
    password: 'Kt6f3Jp7',
    note:
      'Preschool child (enters first grade on 2027-04-01): below elementary-school age, password services refused ' +
      '(R-ELIG-2, R-ELIG-3, R-ELIG-6); borrows at the counter',
  },
  {
    cardNumber: '2000000010',
    name: '小林 はると',
    birthDate: '2020-04-01',
    residency: 'resident',
    password: 'Hr4t7Nb2',
    note:
      'Born 2020-04-01 (cohort boundary): entered first grade on 2026-04-01, so is a pupil ' +
      'and may reserve (R-ELIG-6)',
  },
  {
    cardNumber: '2000000011',
    name: '中村 さくら',
    birthDate: '2017-06-10',
    residency: 'resident',
    password: 'Sk9p3Vm6',
    note: 'Elementary pupil (3rd grade) living in the city: may reserve (R-ELIG-2)',
  },
  {
    cardNumber: '2000000012',
    name: '加藤 幸子',
    birthDate: '1950-03-08',
    residency: 'resident',
    disabilityService: true,
    note:
      'Registered for disability services (障がい者サービス): no password can be issued, so no password-protected service ' +
      '(R-ELIG-5); borrows at the counter',
  },
  {
    cardNumber: '2000000013',
    name: '吉田 次郎',
    birthDate: '1979-12-01',
    residency: 'resident',
    note:
      'Registered resident adult with no password issued yet: must get an initial password at the counter before ' +
      'logging in (R-PW-1); has loans',
  },
];
