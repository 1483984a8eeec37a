import { html, raw } from 'hono/html';
import { pages } from '../messages/ja/index.js';
import { CHAT_SCRIPT } from './client-chat.js';
import { RENDER_SCRIPT } from './client-render.js';
import type { ChatMenu } from './menus.js';
import { CHAT_CSS } from './page-style.js';
import { DEV_CHAT_USERS } from './users.js';

export interface ChatPageView {
  /** The CSP nonce of this response's one script. */
  nonce: string;
  menus: readonly ChatMenu[];
  defaultAlias: string;
  /** Names of the jobs `run jobs now` runs, for its tooltip. */
  jobNames: readonly string[];
}

/** JSON inside <script>: `<` escaped, so no value can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/**
 * The chat page: a phone-sized LINE chat (header, talk, quick replies, input, rich menu) under a
 * strip of developer controls (LINE user, run jobs now). Server-rendered shell; the talk itself is
 * drawn by the inline script from the event stream, since it is made of LINE message JSON.
 */
export function chatPage(v: ChatPageView) {
  const boot = {
    users: DEV_CHAT_USERS.map((u) => ({ id: u.lineUserId, label: u.label })),
    menus: Object.fromEntries(
      v.menus.map((m) => [
        m.alias,
        { chatBarText: m.chatBarText, size: m.size, areas: m.areas, image: `/chat/richmenu/${m.alias}.png` },
      ]),
    ),
    defaultAlias: v.defaultAlias,
  };
  return html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex, nofollow">
<title>${pages.libraryName} — LINE チャット（開発用）</title>
<style>${raw(CHAT_CSS)}</style>
</head>
<body>
<div class="app">
  <div class="dev" role="region" aria-label="開発用の操作">
    <label class="dev-user"><span>LINEユーザー</span>
      <select id="user">${DEV_CHAT_USERS.map((u) => html`<option value="${u.lineUserId}">${u.label}</option>`)}</select>
    </label>
    <div class="dev-row">
      <span id="devStatus" class="dev-status" role="status">LINE チャネルなしで動作中</span>
      <button type="button" id="runJobs" class="dev-jobs" title="${v.jobNames.join('・')}">ジョブを今すぐ実行</button>
    </div>
  </div>
  <header class="bar">
    <span class="back" aria-hidden="true">‹</span>
    <h1 class="name">${pages.libraryName}</h1>
    <span class="icons" aria-hidden="true">☰</span>
  </header>
  <main id="talk" class="talk" aria-live="polite" aria-label="トーク"></main>
  <div id="quick" class="quick" hidden></div>
  <form id="compose" class="compose" autocomplete="off">
    <input id="text" name="text" type="text" placeholder="メッセージを入力" maxlength="5000" aria-label="メッセージ"
      enterkeyhint="send">
    <button id="send" type="submit" class="send" aria-label="送信">送信</button>
  </form>
  <button type="button" id="chatBar" class="chatbar" aria-expanded="false" hidden></button>
  <div id="richMenu" class="richmenu" hidden
    ><img id="richMenuImage" alt=""><div id="richMenuAreas" class="areas"></div></div>
</div>
<script type="application/json" id="boot">${raw(scriptJson(boot))}</script>
<script nonce="${v.nonce}">(function () {
'use strict';
${raw(RENDER_SCRIPT)}
${raw(CHAT_SCRIPT)}
})();</script>
</body>
</html>`;
}
