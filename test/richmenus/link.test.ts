import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkRichMenuForUser, richMenuClients } from '../../src/line/rich-menus.js';
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
});

describe('linkRichMenuForUser', () => {
  it("'logged-in' resolves the alias and links that menu to the patron alone", async () => {
    await linkRichMenuForUser(client, patron, 'logged-in');
    expect(line.calls).toEqual([
      'GET /v2/bot/richmenu/alias/logged-in',
      `POST /v2/bot/user/${patron}/richmenu/richmenu-1`,
    ]);
    expect(line.userLinks.get(patron)).toBe('richmenu-1');
  });

  it('follows the alias after a redeploy moved it (no menu id is cached)', async () => {
    await linkRichMenuForUser(client, patron, 'logged-in');
    line.aliases.set('logged-in', line.seed('kamagaya-logged-in#33333333'));
    await linkRichMenuForUser(client, patron, 'logged-in');
    expect(line.userLinks.get(patron)).toBe('richmenu-3');
  });

  it("'logged-out' removes the patron's own link, so the default (logged-out) menu shows", async () => {
    await linkRichMenuForUser(client, patron, 'logged-in');
    line.calls.length = 0;
    await linkRichMenuForUser(client, patron, 'logged-out');
    expect(line.calls).toEqual([`DELETE /v2/bot/user/${patron}/richmenu`]);
    expect(line.userLinks.has(patron)).toBe(false);
  });

  it("'logged-out' for a patron with no link of their own is not an error", async () => {
    lineApi.use(
      http.delete(`${API}/v2/bot/user/:user/richmenu`, () =>
        HttpResponse.json({ message: 'Not found' }, { status: 404 }),
      ),
    );
    await expect(linkRichMenuForUser(client, patron, 'logged-out')).resolves.toBeUndefined();
  });

  it('other LINE failures reach the caller', async () => {
    lineApi.use(
      http.get(`${API}/v2/bot/richmenu/alias/:alias`, () => HttpResponse.json({ message: 'busy' }, { status: 500 })),
    );
    await expect(linkRichMenuForUser(client, patron, 'logged-in')).rejects.toMatchObject({ status: 500 });
  });
});
