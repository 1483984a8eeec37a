// A second 送信 / 延長する / 取消する on something already done: it was done, and how it stands now.

import { formatDateEasy } from './format.js';
import { branchName } from '../local-names.js';

export const doneAlready = {
  reserved: (title: string, branch: string, state: string) =>
    `この 予約（よやく）は もう うけつけました。\n『${title}』\n受取館（うけとりかん）：${branchName(branch)}\n` +
    `いまの ようす：${state}\n予約（よやく）の ようすは「ご利用状況（りようじょうきょう）」で 見（み）られます。`,
  renewed: (title: string, dueDate: string) =>
    `この 本（ほん）は もう 延長（えんちょう）しました。\n『${title}』\n` +
    `かえす 日（ひ）：${formatDateEasy(dueDate)}`,
  cancelled: (title: string) => `この 予約（よやく）は もう とりけしました。\n『${title}』`,
} as const;
