import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testLog } from '../helpers/test-log.js';
import { deployRichMenus } from '../../src/line/rich-menu-deploy.js';
import {
  linkRichMenuForUser,
  loadRichMenus,
  prepareRichMenu,
  richMenuClients,
  type RichMenu,
} from '../../src/line/rich-menus.js';
import { lineApi } from '../setup/msw.js';
import { API, DATA_API, TOKEN, fakeRichMenuApi, type FakeRichMenuApi } from './fake-rich-menu-api.js';

/**
 * `npm run richmenus:deploy` against an in-memory LINE channel on the real hosts: what is called,
 * in which order, and that a second run with nothing changed only reads.
 */
const { client, blobClient } = richMenuClients({
  channelAccessToken: TOKEN,
  apiBaseUrl: API,
  dataApiBaseUrl: DATA_API,
});
const deploy = (menus: readonly RichMenu[]) => deployRichMenus(client, blobClient, menus, testLog, { batchPollMs: 0 });
const READS = ['GET /v2/bot/richmenu/list', 'GET /v2/bot/richmenu/alias/list', 'GET /v2/bot/user/all/richmenu'];

/** Every menu of richmenus/, and the two Japanese ones the call-by-call tests below deploy. */
let all: RichMenu[];
let menus: RichMenu[];
let line: FakeRichMenuApi;
const menu = (alias: string) => menus.find((m) => m.alias === alias)!;
/** The same menu with another picture, as after `npm run richmenus:images` with a new design. */
const redrawn = (m: RichMenu) => prepareRichMenu(m.alias, m.request, Buffer.concat([m.image, Buffer.from('redrawn')]));
const kamagayaNames = () =>
  [...line.menus.values()]
    .map((m) => String(m.request.name))
    .filter((n) => n.startsWith('kamagaya-'))
    .sort();

beforeAll(async () => {
  all = await loadRichMenus();
  menus = all.filter((m) => m.alias === 'logged-in' || m.alias === 'logged-out');
});
beforeEach(() => {
  line = fakeRichMenuApi(lineApi);
});

describe('deployRichMenus: first deploy', () => {
  it('creates each menu, uploads its PNG, creates its alias, then sets the logged-out menu as default', async () => {
    const report = await deploy(menus);
    // loadRichMenus sorts by file name: logged-in.json, then logged-out.json.
    expect(line.writes()).toEqual([
      'POST /v2/bot/richmenu',
      'POST data:/v2/bot/richmenu/richmenu-1/content',
      'POST /v2/bot/richmenu/alias',
      'POST /v2/bot/richmenu',
      'POST data:/v2/bot/richmenu/richmenu-2/content',
      'POST /v2/bot/richmenu/alias',
      'POST /v2/bot/user/all/richmenu/richmenu-2',
    ]);
    expect(line.contentTypes).toEqual(['image/png', 'image/png']);
    expect(Object.fromEntries(line.aliases)).toEqual({ 'logged-in': 'richmenu-1', 'logged-out': 'richmenu-2' });
    expect(line.defaultId).toBe('richmenu-2');
    expect(report).toMatchObject({
      created: [menu('logged-in').deployedName, menu('logged-out').deployedName],
      deleted: [],
    });
  });

  it('sends the JSON as written, named with a content hash, and the PNG byte for byte', async () => {
    await deploy(menus);
    const stored = line.menus.get('richmenu-2')!;
    const m = menu('logged-out');
    expect(m.deployedName).toMatch(/^kamagaya-logged-out#[0-9a-f]{8}$/);
    expect(stored.request).toEqual({ ...m.request, name: m.deployedName });
    expect(Buffer.from(stored.image!).equals(m.image)).toBe(true);
  });
});

describe('deployRichMenus: running again', () => {
  it('with nothing changed makes only read calls', async () => {
    await deploy(menus);
    line.calls.length = 0;
    const report = await deploy(menus);
    expect(line.calls).toEqual(READS);
    expect(report).toMatchObject({
      created: [],
      aliasesCreated: [],
      aliasesUpdated: [],
      defaultSet: null,
      deleted: [],
    });
    expect(report.kept).toHaveLength(2);
  });

  it(
    'a changed image: a new menu, the alias moved to it, ' + 'linked patrons moved, then the old menu deleted',
    async () => {
      await deploy(menus);
      const patron = 'U0123456789abcdef0123456789abcdef';
      await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
      line.calls.length = 0;

      const changed = menus.map((m) => (m.alias === 'logged-in' ? redrawn(m) : m));
      const report = await deploy(changed);
      expect(line.writes()).toEqual([
        'POST /v2/bot/richmenu',
        'POST data:/v2/bot/richmenu/richmenu-3/content',
        'POST /v2/bot/richmenu/alias/logged-in',
        'POST /v2/bot/richmenu/batch',
        'DELETE /v2/bot/richmenu/richmenu-1',
      ]);
      expect(line.calls).toContain('GET /v2/bot/richmenu/progress/batch');
      expect(line.aliases.get('logged-in')).toBe('richmenu-3');
      expect(line.userLinks.get(patron)).toBe('richmenu-3');
      expect(line.defaultId).toBe('richmenu-2');
      expect(report).toMatchObject({ aliasesUpdated: ['logged-in'], deleted: [menu('logged-in').deployedName] });
      expect(kamagayaNames()).toEqual(
        [redrawn(menu('logged-in')).deployedName, menu('logged-out').deployedName].sort(),
      );
    },
  );

  it('a changed logged-out menu becomes the default before the old one is deleted', async () => {
    await deploy(menus);
    line.calls.length = 0;
    await deploy(menus.map((m) => (m.alias === 'logged-out' ? redrawn(m) : m)));
    const writes = line.writes();
    expect(writes.indexOf('POST /v2/bot/user/all/richmenu/richmenu-3')).toBeLessThan(
      writes.indexOf('DELETE /v2/bot/richmenu/richmenu-2'),
    );
    expect(line.defaultId).toBe('richmenu-3');
    expect(line.aliases.get('logged-out')).toBe('richmenu-3');
  });
});

describe('deployRichMenus: what it leaves alone and what it repairs', () => {
  it('deletes retired kamagaya- menus but never menus it does not own', async () => {
    const foreign = line.seed('campaign-2026-summer');
    const retired = line.seed('kamagaya-opening-hours#0badc0de');
    await deploy(menus);
    expect(line.menus.has(foreign)).toBe(true);
    expect(line.menus.has(retired)).toBe(false);
  });

  it(
    'finishes a deploy that stopped between creating a ' + 'menu and uploading its image, creating nothing twice',
    async () => {
      const halfMade = line.seed(menu('logged-in').deployedName, { image: false });
      await deploy(menus);
      expect(line.calls.filter((c) => c === 'POST /v2/bot/richmenu')).toHaveLength(1); // only logged-out
      expect(line.calls).toContain(`POST data:/v2/bot/richmenu/${halfMade}/content`);
      expect(line.aliases.get('logged-in')).toBe(halfMade);
    },
  );

  it('a refused upload removes the menu it had just created and stops', async () => {
    lineApi.use(
      http.post(`${DATA_API}/v2/bot/richmenu/:id/content`, () =>
        HttpResponse.json({ message: 'too large' }, { status: 400 }),
      ),
    );
    await expect(deploy(menus)).rejects.toThrow();
    expect(line.menus.size).toBe(0);
    expect(line.aliases.size).toBe(0);
  });

  it('keeps the old menu while its patrons cannot be moved, and retires it on the next run', async () => {
    await deploy(menus);
    const patron = 'Ufedcba9876543210fedcba9876543210';
    await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
    const changed = menus.map((m) => (m.alias === 'logged-in' ? redrawn(m) : m));

    line.batchPhase = 'failed';
    const first = await deploy(changed);
    expect(first.leftBehind).toEqual([menu('logged-in').deployedName]);
    expect(line.menus.has('richmenu-1')).toBe(true);
    expect(line.userLinks.get(patron)).toBe('richmenu-1');

    line.batchPhase = 'succeeded';
    const second = await deploy(changed);
    expect(second.deleted).toEqual([menu('logged-in').deployedName]);
    expect(line.userLinks.get(patron)).toBe('richmenu-3');
  });
});

describe('deployRichMenus: every language (issue 28)', () => {
  const ALIASES = ['logged-in', 'logged-out', 'logged-in-en', 'logged-out-en', 'logged-in-easy', 'logged-out-easy'];

  it('deploys every menu file: six menus behind their aliases, the Japanese logged-out one default', async () => {
    expect(all.map((m) => m.alias).sort()).toEqual([...ALIASES].sort());
    const report = await deploy(all);
    expect(report.created).toHaveLength(6);
    expect([...line.aliases.keys()].sort()).toEqual([...ALIASES].sort());
    expect(new Set(line.aliases.values()).size).toBe(6);
    expect(line.defaultId).toBe(line.aliases.get('logged-out'));
    for (const alias of ALIASES)
      expect(line.menus.get(line.aliases.get(alias)!)?.request.name).toBe(
        all.find((m) => m.alias === alias)!.deployedName,
      );
    line.calls.length = 0;
    await deploy(all);
    expect(line.calls).toEqual(READS);
  });

  it('in English, logged in or out, a patron gets the English menu and keeps it over a redeploy', async () => {
    await deploy(all);
    const inside = 'U0123456789abcdef0123456789abcde1';
    const outside = 'U0123456789abcdef0123456789abcde2';
    await linkRichMenuForUser(client, inside, 'logged-in', 'en');
    await linkRichMenuForUser(client, outside, 'logged-out', 'en');
    expect(line.userLinks.get(inside)).toBe(line.aliases.get('logged-in-en'));
    expect(line.userLinks.get(outside)).toBe(line.aliases.get('logged-out-en'));
    const before = line.aliases.get('logged-out-en');
    await deploy(all.map((m) => (m.alias === 'logged-out-en' ? redrawn(m) : m)));
    expect(line.aliases.get('logged-out-en')).not.toBe(before);
    expect(line.userLinks.get(outside)).toBe(line.aliases.get('logged-out-en'));
    expect(line.menus.has(before!)).toBe(false);
    expect(line.defaultId).toBe(line.aliases.get('logged-out'));
  });
});
