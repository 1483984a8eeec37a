// A second 送信 / 延長する / 取消する (a double tap, or はい typed again) on something already done.

import { formatDateJa } from './format.js';

/**
 * What a repeated confirmation is told: that it was done already, and how the item stands now,
 * never that the operation timed out (the patron would start again and do it twice).
 */
export const doneAlready = {
  reserved: (title: string, branch: string, state: string) =>
    `この予約はすでに受け付けています。\n『${title}』\n受取館：${branch}\n状態：${state}\n` +
    '予約の状況は「ご利用状況」で確認できます。',
  renewed: (title: string, dueDate: string) =>
    `この資料の貸出期間はすでに延長しています。\n『${title}』\n返却予定日：${formatDateJa(dueDate)}`,
  cancelled: (title: string) => `この予約はすでに取り消されています。\n『${title}』`,
} as const;
