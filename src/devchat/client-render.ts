/**
 * Browser code (ES5-style, no modules, no build step): LINE message JSON → DOM, for the messages
 * this bot sends (text with quick replies; Flex bubbles and carousels of boxes, texts, buttons,
 * separators, images; template buttons/confirm/carousel). Only textContent and style properties
 * are set, never HTML, so no message can inject markup. `act(action)` is called on a tap.
 * Kept as a string so that `npm run build` and the Docker image need no asset copying.
 */
export const RENDER_SCRIPT = String.raw`
var TEXT_SIZES = {xxs:11, xs:13, sm:14, md:16, lg:19, xl:22, xxl:29, '3xl':35, '4xl':48, '5xl':74};
var SPACING = {none:0, xs:2, sm:4, md:8, lg:12, xl:16, xxl:20};
var IMAGE_SIZES = {xxs:40, xs:60, sm:80, md:100, lg:120, xl:140, xxl:160, '3xl':180, '4xl':200, '5xl':220};
var BUBBLE_SIZES = ['nano', 'micro', 'deca', 'hecto', 'kilo', 'mega', 'giga'];

function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function size(v, table) {
  if (typeof v === 'number') return v + 'px';
  if (typeof v !== 'string') return null;
  if (table && table[v] !== undefined) return table[v] + 'px';
  return /^\d+(\.\d+)?(px|%)$/.test(v) ? v : null;
}

function color(c) {
  return typeof c === 'string' && /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(c) ? c : null;
}

function webUrl(u) {
  return typeof u === 'string' && /^(https?:\/\/|\/)/.test(u) ? u : null;
}

function tappable(e, action, act) {
  if (!action) return;
  e.style.cursor = 'pointer';
  e.addEventListener('click', function (ev) { ev.stopPropagation(); act(action); });
}

function renderMessage(m, act) {
  if (!m || typeof m !== 'object') return el('div', 'text', '');
  if (m.type === 'text') return el('div', 'text', m.text);
  if (m.type === 'flex') return flexContainer(m.contents || {}, act);
  if (m.type === 'template') return template(m.template || {}, act);
  if (m.type === 'image') {
    var img = el('img', 'fx-img');
    img.src = webUrl(m.previewImageUrl) || webUrl(m.originalContentUrl) || '';
    img.alt = '';
    img.style.borderRadius = '14px';
    img.style.maxWidth = '220px';
    return img;
  }
  if (m.type === 'sticker') return el('div', 'text', '（スタンプ）');
  return el('div', 'text', '［' + m.type + ' メッセージ］');
}

function flexContainer(c, act) {
  if (c.type !== 'carousel') return bubble(c, act);
  var car = el('div', 'carousel');
  (c.contents || []).forEach(function (b) { car.appendChild(bubble(b, act)); });
  return car;
}

function bubble(b, act) {
  var e = el('div', 'bubble ' + (BUBBLE_SIZES.indexOf(b.size) >= 0 ? b.size : 'mega'));
  var styles = b.styles || {};
  ['header', 'hero', 'body', 'footer'].forEach(function (name) {
    var part = b[name];
    if (!part) return;
    var st = styles[name] || {};
    var sec = el('div', 'sec ' + name + (st.separator ? ' sep' : ''));
    if (color(st.backgroundColor)) sec.style.background = st.backgroundColor;
    if (name === 'hero') sec.style.padding = '0';
    sec.appendChild(component(part, act, 'vertical'));
    e.appendChild(sec);
  });
  tappable(e, b.action, act);
  return e;
}

function component(c, act, parentLayout) {
  var e;
  if (c.type === 'box') e = box(c, act);
  else if (c.type === 'text') e = text(c);
  else if (c.type === 'button') e = button(c, act);
  else if (c.type === 'image') e = image(c, act);
  else if (c.type === 'separator') {
    e = el('div', 'fx-sep');
    if (color(c.color)) e.style.background = c.color;
  } else if (c.type === 'filler') {
    e = el('div');
  } else if (c.type === 'spacer') {
    e = el('div');
    e.style.height = size(c.size || 'md', SPACING);
  } else if (c.type === 'icon') {
    e = el('img');
    e.src = webUrl(c.url) || '';
    e.style.width = e.style.height = size(c.size || 'md', TEXT_SIZES);
  } else {
    e = el('span');
  }
  // Flex: children of a horizontal box share its width (flex 1 unless given); in a vertical box
  // they take their natural height (flex 0 unless given), as in LINE's layout rules.
  var horizontal = parentLayout !== 'vertical';
  if (c.type !== 'separator') {
    var f = typeof c.flex === 'number' ? c.flex : (c.type === 'filler' ? 1 : (horizontal ? 1 : 0));
    e.style.flex = f === 0 ? '0 0 auto' : f + ' 1 0';
  }
  var m = size(c.margin, SPACING);
  if (m) e.style[horizontal ? 'marginLeft' : 'marginTop'] = m;
  if (c.gravity === 'center') e.style.alignSelf = 'center';
  else if (c.gravity === 'bottom') e.style.alignSelf = 'flex-end';
  return e;
}

function box(c, act) {
  var layout = ['vertical', 'horizontal', 'baseline'].indexOf(c.layout) >= 0 ? c.layout : 'vertical';
  var e = el('div', 'box ' + layout);
  var gap = size(c.spacing, SPACING);
  if (gap) e.style.gap = gap;
  if (color(c.backgroundColor)) e.style.background = c.backgroundColor;
  if (color(c.borderColor)) e.style.border = (size(c.borderWidth) || '1px') + ' solid ' + c.borderColor;
  var radius = size(c.cornerRadius, SPACING);
  if (radius) e.style.borderRadius = radius;
  var pad = size(c.paddingAll, SPACING);
  if (pad) e.style.padding = pad;
  [
    ['paddingTop', 'paddingTop'], ['paddingBottom', 'paddingBottom'],
    ['paddingStart', 'paddingLeft'], ['paddingEnd', 'paddingRight'],
  ].forEach(function (p) {
    var v = size(c[p[0]], SPACING);
    if (v) e.style[p[1]] = v;
  });
  if (size(c.width)) e.style.width = size(c.width);
  if (size(c.height)) e.style.height = size(c.height);
  var just = {
    center: 'center', 'flex-start': 'flex-start', 'flex-end': 'flex-end',
    'space-between': 'space-between', 'space-around': 'space-around', 'space-evenly': 'space-evenly',
  };
  if (just[c.justifyContent]) e.style.justifyContent = just[c.justifyContent];
  if (just[c.alignItems]) e.style.alignItems = just[c.alignItems];
  (c.contents || []).forEach(function (child) { e.appendChild(component(child, act, layout)); });
  tappable(e, c.action, act);
  return e;
}

function text(c) {
  var e = el('div', 'fx-text', c.text);
  if (Array.isArray(c.contents) && c.contents.length > 0) {
    e.textContent = '';
    c.contents.forEach(function (s) {
      var span = el('span', null, s.text);
      if (color(s.color)) span.style.color = s.color;
      if (s.weight === 'bold') span.style.fontWeight = '700';
      if (size(s.size, TEXT_SIZES)) span.style.fontSize = size(s.size, TEXT_SIZES);
      e.appendChild(span);
    });
  }
  e.style.fontSize = size(c.size || 'md', TEXT_SIZES);
  e.style.lineHeight = '1.4';
  if (color(c.color)) e.style.color = c.color;
  if (c.weight === 'bold') e.style.fontWeight = '700';
  if (c.style === 'italic') e.style.fontStyle = 'italic';
  if (c.decoration === 'underline' || c.decoration === 'line-through') e.style.textDecoration = c.decoration;
  if (c.align === 'center') e.style.textAlign = 'center';
  else if (c.align === 'end') e.style.textAlign = 'right';
  if (!c.wrap) e.classList.add('nowrap');
  else if (typeof c.maxLines === 'number' && c.maxLines > 0) {
    e.classList.add('clamp');
    e.style.webkitLineClamp = String(c.maxLines);
  }
  return e;
}

function button(c, act) {
  var a = c.action || {};
  var style = c.style === 'primary' || c.style === 'secondary' ? c.style : 'link';
  var e = el('button', 'fx-btn ' + style + ' ' + (c.height === 'sm' ? 'sm' : 'md'));
  e.type = 'button';
  e.appendChild(el('span', null, a.label || ''));
  if (color(c.color)) e.style[style === 'link' ? 'color' : 'background'] = c.color;
  if (a.type === 'uri') e.title = a.uri;
  tappable(e, a, act);
  return e;
}

function image(c, act) {
  var e = el('img', 'fx-img');
  e.src = webUrl(c.url) || '';
  e.alt = '';
  var w = c.size === 'full' ? '100%' : size(c.size || 'md', IMAGE_SIZES);
  if (w) e.style.width = w;
  var ratio = /^(\d+(\.\d+)?):(\d+(\.\d+)?)$/.exec(c.aspectRatio || '1:1');
  if (ratio) e.style.aspectRatio = ratio[1] + ' / ' + ratio[3];
  if (c.aspectMode === 'fit') e.style.objectFit = 'contain';
  if (color(c.backgroundColor)) e.style.background = c.backgroundColor;
  tappable(e, c.action, act);
  return e;
}

function template(t, act) {
  if (t.type === 'carousel' || t.type === 'image_carousel') {
    var car = el('div', 'carousel');
    (t.columns || []).forEach(function (col) {
      car.appendChild(template({
        type: 'buttons', title: col.title, text: col.text,
        thumbnailImageUrl: col.thumbnailImageUrl || col.imageUrl,
        actions: col.actions || (col.action ? [col.action] : []),
      }, act));
    });
    return car;
  }
  var e = el('div', 'bubble kilo');
  if (webUrl(t.thumbnailImageUrl)) {
    e.appendChild(image({ url: t.thumbnailImageUrl, size: 'full', aspectRatio: '1.51:1' }, act));
  }
  if (t.title) e.appendChild(el('div', 'tpl-title', t.title));
  if (t.text) e.appendChild(el('div', 'tpl-text', t.text));
  var actions = el('div', 'tpl-actions' + (t.type === 'confirm' ? ' confirm' : ''));
  (t.actions || []).forEach(function (a) {
    actions.appendChild(button({ action: a, style: 'link', height: 'sm' }, act));
  });
  e.appendChild(actions);
  return e;
}
`;
