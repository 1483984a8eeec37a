/**
 * The chat page's look: LINE's talk screen (green header, blue-grey talk, white bubbles from the
 * bot, green ones from the patron, quick reply chips above the input, the rich menu below it) and
 * the Flex components the bot sends, sized as LINE sizes them. One constant, inlined in the page.
 */
export const CHAT_CSS = String.raw`
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{background:#5f6b78;color:#111;
  font:15px/1.45 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif;
  -webkit-text-size-adjust:100%}
button{font:inherit;color:inherit}
.app{display:flex;flex-direction:column;height:100%;max-width:480px;margin:0 auto;background:#9bb1cf;overflow:hidden}
.dev{background:#2b2f36;color:#e8eaed;padding:6px 10px;font-size:12px;display:flex;flex-direction:column;gap:4px}
.dev-user{display:flex;align-items:center;gap:8px}
.dev-user span{flex:none;opacity:.8}
.dev-user select{flex:1;min-width:0;font-size:14px;padding:4px 6px;border-radius:6px;border:1px solid #5b6270;
  background:#3a404a;color:#fff}
.dev-row{display:flex;align-items:center;gap:8px}
.dev-status{flex:1;min-width:0;opacity:.8;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.dev-jobs{flex:none;background:#f5b400;color:#1d1d1d;border:0;border-radius:6px;padding:6px 10px;
  font-weight:700;font-size:13px;cursor:pointer}
.dev-jobs:disabled{opacity:.6;cursor:wait}
.bar{flex:none;display:flex;align-items:center;gap:10px;height:48px;padding:0 12px;background:#06c755;color:#fff}
.bar .back{font-size:30px;line-height:1;margin-top:-4px}
.bar .name{flex:1;margin:0;font-size:17px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bar .icons{font-size:20px;opacity:.9}
.talk{flex:1;overflow-y:auto;overflow-x:hidden;padding:10px 0 12px;-webkit-overflow-scrolling:touch}
.day{text-align:center;margin:10px 0}
.day span,.note span{display:inline-block;background:rgba(40,55,80,.32);color:#fff;font-size:12px;
  border-radius:12px;padding:2px 10px}
.note{text-align:center;margin:8px 12px}
.note span{background:rgba(40,55,80,.22);color:#1e2733;max-width:100%}
.row{display:flex;align-items:flex-end;gap:6px;margin:6px 10px 0}
.row.bot{padding-right:36px}
.row.patron{justify-content:flex-end;padding-left:56px}
.avatar{flex:none;width:36px;height:36px;border-radius:50%;background:#1b6e5a;color:#fff;font-weight:700;
  display:flex;align-items:center;justify-content:center;align-self:flex-start;font-size:16px}
.avatar.blank{visibility:hidden}
.meta{flex:none;font-size:10px;color:#3b4a5e;line-height:1.3;white-space:nowrap}
.meta .via{display:block;color:#2d5f9a}
.row.patron .meta{text-align:right}
.msg{min-width:0}
.text{background:#fff;border-radius:18px;padding:8px 12px;white-space:pre-wrap;overflow-wrap:anywhere;max-width:100%}
.row.patron .text{background:#8de055}
.row.bot.flexrow{padding-right:0}
.carousel{display:flex;gap:8px;overflow-x:auto;scroll-snap-type:x mandatory;padding:0 10px 4px 0;
  -webkit-overflow-scrolling:touch}
.carousel>.bubble{flex:none;scroll-snap-align:start}
.bubble{background:#fff;border-radius:14px;overflow:hidden;display:flex;flex-direction:column;max-width:100%}
.bubble.nano{width:120px}.bubble.micro{width:160px}.bubble.deca{width:220px}.bubble.hecto{width:241px}
.bubble.kilo{width:260px}.bubble.mega{width:300px}.bubble.giga{width:386px}
.sec{display:flex;flex-direction:column}
.sec.header{padding:20px 20px 0}.sec.body{padding:20px}.sec.footer{padding:10px}
.sec.sep{border-top:1px solid #e3e5e8}
.box{display:flex;min-width:0}
.box.vertical{flex-direction:column}.box.horizontal{flex-direction:row}
.box.baseline{flex-direction:row;align-items:baseline}
.fx-text{min-width:0;overflow-wrap:anywhere;white-space:pre-wrap}
.fx-text.nowrap{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fx-text.clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.fx-sep{flex:none;align-self:stretch;background:#e3e5e8}
.box.vertical>.fx-sep{height:1px}.box.horizontal>.fx-sep,.box.baseline>.fx-sep{width:1px}
.fx-btn{display:flex;align-items:center;justify-content:center;min-width:0;border:0;border-radius:8px;
  padding:0 12px;cursor:pointer;font-size:15px;text-align:center}
.fx-btn span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.fx-btn.primary{background:#06c755;color:#fff;font-weight:700}
.fx-btn.secondary{background:#edf0f3;color:#111}
.fx-btn.link{background:transparent;color:#2d5f9a}
.fx-btn.sm{height:40px}.fx-btn.md{height:52px}
.fx-btn:active{filter:brightness(.9)}
.fx-img{display:block;width:100%;object-fit:cover;background:#eef0f2}
.tpl-text{padding:14px 16px;white-space:pre-wrap}
.tpl-title{font-weight:700;padding:14px 16px 0}
.tpl-actions{border-top:1px solid #e3e5e8;display:flex;flex-direction:column}
.tpl-actions.confirm{flex-direction:row}
.tpl-actions .fx-btn{border-radius:0;height:44px;color:#2d5f9a;background:#fff;flex:1}
.tpl-actions .fx-btn+.fx-btn{border-top:1px solid #e3e5e8}
.tpl-actions.confirm .fx-btn+.fx-btn{border-top:0;border-left:1px solid #e3e5e8}
.typing{display:inline-flex;gap:4px;background:#fff;border-radius:18px;padding:12px 14px}
.typing i{width:7px;height:7px;border-radius:50%;background:#9aa3ad;animation:blink 1.2s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
.quick{flex:none;display:flex;gap:8px;overflow-x:auto;padding:8px 10px;background:rgba(255,255,255,.35);
  scrollbar-width:none}
.quick[hidden]{display:none}
.chip{flex:none;border:1px solid #06c755;background:#fff;color:#06a548;border-radius:18px;padding:7px 14px;
  font-size:14px;font-weight:600;cursor:pointer;white-space:nowrap}
.chip:disabled{border-color:#c6ccd2;color:#98a0a8}
.compose{flex:none;display:flex;align-items:center;gap:8px;padding:8px 10px;background:#fff;
  border-top:1px solid #dfe3e8}
.compose input{flex:1;min-width:0;height:38px;border:0;border-radius:19px;background:#f0f2f5;padding:0 14px;
  font-size:16px}
.compose input:focus{outline:2px solid #06c755}
.send{flex:none;border:0;background:#06c755;color:#fff;border-radius:19px;height:38px;padding:0 14px;
  font-weight:700;cursor:pointer}
.chatbar{flex:none;display:block;width:100%;height:36px;border:0;border-top:1px solid #dfe3e8;background:#fff;
  color:#333;font-size:14px;cursor:pointer}
.chatbar[hidden]{display:none}
.chatbar::after{content:" ▲";font-size:10px;color:#888}
.chatbar[aria-expanded=true]::after{content:" ▼"}
.richmenu{flex:none;position:relative;background:#fff}
.richmenu[hidden]{display:none}
.richmenu img{display:block;width:100%;height:auto}
.areas{position:absolute;inset:0}
.areas button{position:absolute;background:transparent;border:0;padding:0;cursor:pointer}
.areas button:active{background:rgba(0,0,0,.08)}
.areas button span{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
