import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/language.js';
import {
  linkRichMenuForUser,
  readRichMenuDefinitions,
  richMenuAlias,
  richMenuClients,
} from '../../src/line/rich-menus.js';
import { lineApi } from '../setup/msw.js';
import { API, DATA_API, TOKEN, fakeRichMenuApi, type FakeRichMenuApi } from './fake-rich-menu-api.js';

/** After login and logout the patron sees the menu of their state (used by the login flow). */
const { client } = richMenuClients({ channelAccessToken: TOKEN, apiBaseUrl: API, dataApiBaseUrl: DATA_API });
const patron = 'U00112233445566778899aabbccddeeff';
let line: FakeRichMenuApi;

beforeEach(() => {
  line = fakeRichMenuApi(lineApi);
  line.aliases.set('logged-in', line.seed('kamagaya-logged-in#11111111'));
  line.aliases.set('logged-out', line.seed('kamagaya-logged-out#22222222'));
  line.defaultId = line.aliases.get('logged-out')!;
  line.aliases.set('logged-in-en', line.seed('kamagaya-logged-in-en#44444444'));
  line.aliases.set('logged-out-en', line.seed('kamagaya-logged-out-en#55555555'));
  line.aliases.set('logged-in-easy', line.seed('kamagaya-logged-in-easy#66666666'));
  line.aliases.set('logged-out-easy', line.seed('kamagaya-logged-out-easy#77777777'));
});

describe('linkRichMenuForUser', () => {
  it("'logged-in' resolves the alias and links that menu to the patron alone", async () => {
    await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
    expect(line.calls).toEqual([
      'GET /v2/bot/richmenu/alias/logged-in',
      `POST /v2/bot/user/${patron}/richmenu/richmenu-1`,
    ]);
    expect(line.userLinks.get(patron)).toBe('richmenu-1');
  });

  it('follows the alias after a redeploy moved it (no menu id is cached)', async () => {
    await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
    const moved = line.seed('kamagaya-logged-in#33333333');
    line.aliases.set('logged-in', moved);
    await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
    expect(line.userLinks.get(patron)).toBe(moved);
  });

  it("'logged-out' removes the patron's own link, so the default (logged-out) menu shows", async () => {
    await linkRichMenuForUser(client, patron, 'logged-in', 'ja');
    line.calls.length = 0;
    await linkRichMenuForUser(client, patron, 'logged-out', 'ja');
    expect(line.calls).toEqual([`DELETE /v2/bot/user/${patron}/richmenu`]);
    expect(line.userLinks.has(patron)).toBe(false);
  });

  it("'logged-out' for a patron with no link of their own is not an error", async () => {
    lineApi.use(
      http.delete(`${API}/v2/bot/user/:user/richmenu`, () =>
        HttpResponse.json({ message: 'Not found' }, { status: 404 }),
      ),
    );
    await expect(linkRichMenuForUser(client, patron, 'logged-out', 'ja')).resolves.toBeUndefined();
  });

  it('other LINE failures reach the caller', async () => {
    lineApi.use(
      http.get(`${API}/v2/bot/richmenu/alias/:alias`, () => HttpResponse.json({ message: 'busy' }, { status: 500 })),
    );
    await expect(linkRichMenuForUser(client, patron, 'logged-in', 'ja')).rejects.toMatchObject({ status: 500 });
  });

  it.each(['en', 'easy'] as const)(
    "in '%s' both states link that language's menu by its alias (the default menu is Japanese)",
    async (language) => {
      await linkRichMenuForUser(client, patron, 'logged-in', language);
      expect(line.userLinks.get(patron)).toBe(line.aliases.get(`logged-in-${language}`));
      line.calls.length = 0;
      await linkRichMenuForUser(client, patron, 'logged-out', language);
      expect(line.calls).toEqual([
        `GET /v2/bot/richmenu/alias/logged-out-${language}`,
        `POST /v2/bot/user/${patron}/richmenu/${line.aliases.get(`logged-out-${language}`)}`,
      ]);
      expect(line.userLinks.get(patron)).toBe(line.aliases.get(`logged-out-${language}`));
    },
  );

  it('back to Japanese logged out: the link is removed, so the default menu shows', async () => {
    await linkRichMenuForUser(client, patron, 'logged-out', 'en');
    await linkRichMenuForUser(client, patron, 'logged-out', 'ja');
    expect(line.userLinks.has(patron)).toBe(false);
  });
});

describe('richMenuAlias', () => {
  it('is the state in Japanese and state-language otherwise; every alias names a file of richmenus/', async () => {
    expect(richMenuAlias('logged-in', 'ja')).toBe('logged-in');
    expect(richMenuAlias('logged-out', 'ja')).toBe('logged-out');
    expect(richMenuAlias('logged-in', 'en')).toBe('logged-in-en');
    expect(richMenuAlias('logged-out', 'easy')).toBe('logged-out-easy');
    const files = (await readRichMenuDefinitions()).map((d) => d.alias);
    for (const language of LANGUAGES)
      for (const which of ['logged-in', 'logged-out'] as const) expect(files).toContain(richMenuAlias(which, language));
  });
});
