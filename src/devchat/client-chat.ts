/**
 * Browser code: the talk screen. It listens to /chat/stream (Server-Sent Events; EventSource
 * reconnects by itself and resumes after the last entry id), draws the current user's entries,
 * and turns taps into POSTs that the server signs and sends to /webhook as LINE events.
 * Uses renderMessage() and el() from RENDER_SCRIPT, which comes first in the same script.
 */
export const CHAT_SCRIPT = String.raw`
var boot = JSON.parse(document.getElementById('boot').textContent);
var $ = function (id) { return document.getElementById(id); };
var talk = $('talk'), quick = $('quick'), input = $('text'), userSel = $('user'), chatBar = $('chatBar');
var richMenu = $('richMenu'), menuImage = $('richMenuImage'), menuAreas = $('richMenuAreas');
var devStatus = $('devStatus'), jobsButton = $('runJobs');
var entries = [], menus = {}, typing = {}, unread = {}, ready = false, menuOpen = false, shownMenu = null;
var lastDay = null, lastSide = null;
var timeFmt = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
var dayFmt = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', weekday: 'short',
});
var known = function (id) { return boot.users.some(function (u) { return u.id === id; }) ? id : null; };
var current = known(new URLSearchParams(location.search).get('user')) ||
  known(localStorage.getItem('devchat-user')) || boot.users[0].id;
userSel.value = current;

var typingRow = el('div', 'row bot');
typingRow.appendChild(avatar(true));
var dots = typingRow.appendChild(el('div', 'typing'));
for (var i = 0; i < 3; i++) dots.appendChild(el('i'));
typingRow.setAttribute('aria-label', '入力中');

function post(path, body) {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(function (r) { return r.json(); });
}

function avatar(show) {
  var a = el('div', 'avatar' + (show ? '' : ' blank'), '図');
  a.setAttribute('aria-hidden', 'true');
  return a;
}

function mine(e) { return e.user === current || e.user === null; }

function act(a) {
  if (!a) return;
  if (a.type === 'postback') send({ type: 'postback', data: a.data, displayText: a.displayText || a.text });
  else if (a.type === 'message') send({ type: 'text', text: a.text });
  else if (a.type === 'uri' && /^https?:/.test(a.uri)) window.open(a.uri, '_blank', 'noopener');
  else devStatus.textContent = 'この操作（' + a.type + '）は開発用チャットでは使えません';
}

function send(action) {
  hideQuick();
  action.user = current;
  post('/chat/send', action).catch(function () { devStatus.textContent = '送信できませんでした'; });
}

function render() {
  talk.textContent = '';
  lastDay = null;
  lastSide = null;
  entries.filter(mine).forEach(append);
  placeTyping();
  updateQuick();
  renderMenu();
  scrollDown();
}

function append(e) {
  if (e.kind === 'menu') return;
  var day = dayFmt.format(new Date(e.at));
  if (day !== lastDay) {
    var d = el('div', 'day');
    d.appendChild(el('span', null, day));
    talk.appendChild(d);
    lastDay = day;
    lastSide = null;
  }
  if (e.kind === 'note') {
    var n = el('div', 'note');
    n.appendChild(el('span', null, e.text));
    talk.appendChild(n);
    lastSide = null;
  } else if (e.kind === 'patron') {
    row('patron', el('div', 'text', e.text), e, false);
  } else if (e.kind === 'bot') {
    e.messages.forEach(function (m) { row('bot', renderMessage(m, act), e, lastSide !== 'bot'); });
  }
}

function row(side, content, e, withAvatar) {
  var r = el('div', 'row ' + side);
  var msg = el('div', 'msg');
  msg.appendChild(content);
  var meta = el('div', 'meta', timeFmt.format(new Date(e.at)));
  if (e.via === 'push') meta.appendChild(el('span', 'via', 'プッシュ'));
  if (side === 'bot') {
    r.appendChild(avatar(withAvatar));
    r.appendChild(msg);
    if (content.classList.contains('carousel')) {
      r.classList.add('flexrow');
      msg.style.flex = '1';
      msg.style.minWidth = '0';
    } else r.appendChild(meta);
  } else {
    r.appendChild(meta);
    r.appendChild(msg);
  }
  talk.appendChild(r);
  lastSide = side;
}

function placeTyping() {
  if (typing[current]) talk.appendChild(typingRow);
  else if (typingRow.parentNode) typingRow.parentNode.removeChild(typingRow);
}

function scrollDown() { talk.scrollTop = talk.scrollHeight; }

// LINE shows the quick replies of the last message, until the patron says or taps anything.
function updateQuick() {
  var last = null;
  entries.forEach(function (e) { if (e.user === current && (e.kind === 'bot' || e.kind === 'patron')) last = e; });
  var msg = last && last.kind === 'bot' ? last.messages[last.messages.length - 1] : null;
  var items = msg && msg.quickReply && Array.isArray(msg.quickReply.items) ? msg.quickReply.items : [];
  quick.textContent = '';
  items.forEach(function (item) {
    var a = item.action || {};
    var chip = el('button', 'chip', a.label || '');
    chip.type = 'button';
    chip.addEventListener('click', function () { act(a); });
    quick.appendChild(chip);
  });
  quick.hidden = items.length === 0;
}

function hideQuick() { quick.hidden = true; }

function renderMenu() {
  var alias = menus[current] || boot.defaultAlias;
  var def = boot.menus[alias];
  chatBar.hidden = !def;
  richMenu.hidden = !def || !menuOpen;
  chatBar.setAttribute('aria-expanded', String(menuOpen));
  if (!def) return;
  chatBar.textContent = def.chatBarText;
  richMenu.dataset.alias = alias;
  if (shownMenu === alias) return;
  shownMenu = alias;
  menuImage.src = def.image;
  menuImage.alt = def.areas.map(function (a) { return a.action.label || a.action.text || ''; }).join('・');
  menuAreas.textContent = '';
  def.areas.forEach(function (area) {
    var b = el('button');
    b.type = 'button';
    var pct = function (v, total) { return (v / total * 100) + '%'; };
    b.style.left = pct(area.bounds.x, def.size.width);
    b.style.top = pct(area.bounds.y, def.size.height);
    b.style.width = pct(area.bounds.width, def.size.width);
    b.style.height = pct(area.bounds.height, def.size.height);
    b.appendChild(el('span', null, area.action.label || area.action.text || ''));
    b.setAttribute('aria-label', area.action.label || area.action.text || '');
    b.addEventListener('click', function () { act(area.action); });
    menuAreas.appendChild(b);
  });
}

function labelUsers() {
  Array.prototype.forEach.call(userSel.options, function (o) {
    var u = boot.users.filter(function (x) { return x.id === o.value; })[0];
    o.textContent = (unread[o.value] ? '● ' : '') + u.label;
  });
}

var stream = new EventSource('/chat/stream');
stream.addEventListener('entry', function (ev) {
  var e = JSON.parse(ev.data);
  entries.push(e);
  if (e.kind === 'menu') menus[e.user] = e.alias;
  if (!ready) return;
  if (mine(e)) {
    if (e.kind === 'menu') return renderMenu();
    append(e);
    placeTyping();
    updateQuick();
    scrollDown();
  } else if (e.kind === 'bot') {
    unread[e.user] = (unread[e.user] || 0) + 1;
    labelUsers();
  }
});
stream.addEventListener('signal', function (ev) {
  var s = JSON.parse(ev.data);
  if (s.kind !== 'typing') return;
  typing[s.user] = s.on;
  if (ready && s.user === current) { placeTyping(); scrollDown(); }
});
stream.addEventListener('ready', function () {
  devStatus.textContent = 'LINE チャネルなしで動作中';
  if (ready) return;
  ready = true;
  render();
  post('/chat/open', { user: current });
  document.body.dataset.ready = 'true';
});
stream.onerror = function () { devStatus.textContent = 'サーバーに再接続しています…'; };

userSel.addEventListener('change', function () {
  current = userSel.value;
  localStorage.setItem('devchat-user', current);
  unread[current] = 0;
  labelUsers();
  render();
  post('/chat/open', { user: current });
});

$('compose').addEventListener('submit', function (ev) {
  ev.preventDefault();
  var t = input.value.trim();
  if (!t) return;
  input.value = '';
  send({ type: 'text', text: t });
});

chatBar.addEventListener('click', function () {
  menuOpen = !menuOpen;
  renderMenu();
  scrollDown();
});

jobsButton.addEventListener('click', function () {
  jobsButton.disabled = true;
  devStatus.textContent = 'ジョブを実行中…';
  post('/chat/jobs', {}).then(function (r) {
    devStatus.textContent = r.results.map(function (x) {
      return x.label + ' ' + (x.processed === null ? '失敗' : x.processed + '件');
    }).join('・') + (r.quietHours ? ' ' + r.quietHours : '');
  }).catch(function () {
    devStatus.textContent = 'ジョブを実行できませんでした';
  }).then(function () { jobsButton.disabled = false; });
});
`;
