import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/** The real LINE hosts: msw answers them, nothing leaves the process. */
export const API = 'https://api.line.me';
export const DATA_API = 'https://api-data.line.me';
export const TOKEN = 'test-token';

type StoredMenu = { request: Record<string, unknown>; image: Uint8Array | null };

export interface FakeRichMenuApi {
  /** richMenuId → menu; ids are `richmenu-1`, `richmenu-2` … in creation order. */
  menus: Map<string, StoredMenu>;
  aliases: Map<string, string>;
  defaultId: string | null;
  /** LINE user id → the rich menu linked to that user alone. */
  userLinks: Map<string, string>;
  /** Every call as `METHOD path` (image uploads as `POST data:path`), in order. */
  calls: string[];
  contentTypes: string[];
  /** What the next batch progress reports. */
  batchPhase: 'succeeded' | 'failed';
  /** Calls that change something (everything but GET). */
  writes(): string[];
  /** Puts a menu on the fake channel directly, as an earlier deploy (or someone else) left it. */
  seed(name: string, opts?: { image?: boolean }): string;
}

const fail = (status: number, message: string) => HttpResponse.json({ message }, { status });

/**
 * An in-memory LINE channel for the rich menu, alias, default-menu, per-user link and batch
 * endpoints, with LINE's refusals where a wrong order would fail on the real service (an alias,
 * default or link to a menu without an image; a second image; a duplicate alias).
 */
export function fakeRichMenuApi(server: SetupServer): FakeRichMenuApi {
  let next = 1;
  const fake: FakeRichMenuApi = {
    menus: new Map(),
    aliases: new Map(),
    defaultId: null,
    userLinks: new Map(),
    calls: [],
    contentTypes: [],
    batchPhase: 'succeeded',
    writes: () => fake.calls.filter((c) => !c.startsWith('GET ')),
    seed(name, opts = {}) {
      const id = `richmenu-${next++}`;
      const image = opts.image === false ? null : new Uint8Array([1]);
      fake.menus.set(id, {
        request: { name, size: { width: 2500, height: 1686 }, selected: false, chatBarText: 'x', areas: [] },
        image,
      });
      return id;
    },
  };
  const usable = (id: string) => fake.menus.get(id)?.image != null;

  server.use(
    http.all('*', ({ request }) => {
      const url = new URL(request.url);
      fake.calls.push(`${request.method} ${url.host === 'api-data.line.me' ? 'data:' : ''}${url.pathname}`);
      if (request.headers.get('authorization') !== `Bearer ${TOKEN}`) return fail(401, 'Authentication failed');
      return undefined; // fall through to the handlers below
    }),
    http.get(`${API}/v2/bot/richmenu/list`, () =>
      HttpResponse.json({ richmenus: [...fake.menus].map(([richMenuId, m]) => ({ richMenuId, ...m.request })) }),
    ),
    http.post(`${API}/v2/bot/richmenu`, async ({ request }) => {
      const id = `richmenu-${next++}`;
      fake.menus.set(id, { request: (await request.json()) as Record<string, unknown>, image: null });
      return HttpResponse.json({ richMenuId: id });
    }),
    http.post(`${DATA_API}/v2/bot/richmenu/:id/content`, async ({ request, params }) => {
      const menu = fake.menus.get(String(params.id));
      if (!menu) return fail(404, 'Not found');
      if (menu.image) return fail(400, 'An image has already been uploaded to the richmenu');
      fake.contentTypes.push(request.headers.get('content-type') ?? '');
      menu.image = new Uint8Array(await request.arrayBuffer());
      return HttpResponse.json({});
    }),
    http.get(`${DATA_API}/v2/bot/richmenu/:id/content`, ({ params }) => {
      const image = fake.menus.get(String(params.id))?.image;
      return image ? new HttpResponse(image, { headers: { 'content-type': 'image/png' } }) : fail(404, 'Not found');
    }),
    http.get(`${API}/v2/bot/richmenu/alias/list`, () =>
      HttpResponse.json({
        aliases: [...fake.aliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })),
      }),
    ),
    http.get(`${API}/v2/bot/richmenu/alias/:alias`, ({ params }) => {
      const richMenuId = fake.aliases.get(String(params.alias));
      return richMenuId ? HttpResponse.json({ richMenuAliasId: params.alias, richMenuId }) : fail(404, 'Not found');
    }),
    http.post(`${API}/v2/bot/richmenu/alias`, async ({ request }) => {
      const body = (await request.json()) as { richMenuAliasId: string; richMenuId: string };
      if (fake.aliases.has(body.richMenuAliasId)) return fail(400, 'conflict richmenu alias id');
      if (!usable(body.richMenuId)) return fail(400, 'richmenu not found or image not uploaded');
      fake.aliases.set(body.richMenuAliasId, body.richMenuId);
      return HttpResponse.json({});
    }),
    http.post(`${API}/v2/bot/richmenu/alias/:alias`, async ({ request, params }) => {
      const body = (await request.json()) as { richMenuId: string };
      if (!fake.aliases.has(String(params.alias))) return fail(400, 'richmenu alias not found');
      if (!usable(body.richMenuId)) return fail(400, 'richmenu not found or image not uploaded');
      fake.aliases.set(String(params.alias), body.richMenuId);
      return HttpResponse.json({});
    }),
    http.delete(`${API}/v2/bot/richmenu/:id`, ({ params }) => {
      const id = String(params.id);
      if (!fake.menus.delete(id)) return fail(404, 'Not found');
      // Deleting a menu drops its per-user links: those users see the default menu again.
      for (const [user, linked] of fake.userLinks) if (linked === id) fake.userLinks.delete(user);
      if (fake.defaultId === id) fake.defaultId = null;
      return HttpResponse.json({});
    }),
    http.get(`${API}/v2/bot/user/all/richmenu`, () =>
      fake.defaultId ? HttpResponse.json({ richMenuId: fake.defaultId }) : fail(404, 'no default richmenu'),
    ),
    http.post(`${API}/v2/bot/user/all/richmenu/:id`, ({ params }) => {
      if (!usable(String(params.id))) return fail(400, 'richmenu not found or image not uploaded');
      fake.defaultId = String(params.id);
      return HttpResponse.json({});
    }),
    http.post(`${API}/v2/bot/user/:user/richmenu/:id`, ({ params }) => {
      if (!usable(String(params.id))) return fail(400, 'richmenu not found or image not uploaded');
      fake.userLinks.set(String(params.user), String(params.id));
      return HttpResponse.json({});
    }),
    http.delete(`${API}/v2/bot/user/:user/richmenu`, ({ params }) => {
      fake.userLinks.delete(String(params.user));
      return HttpResponse.json({});
    }),
    http.post(`${API}/v2/bot/richmenu/batch`, async ({ request }) => {
      const { operations } = (await request.json()) as { operations: { type: string; from: string; to: string }[] };
      if (fake.batchPhase === 'succeeded') {
        for (const op of operations) {
          for (const [user, linked] of fake.userLinks)
            if (op.type === 'link' && linked === op.from) fake.userLinks.set(user, op.to);
        }
      }
      return new HttpResponse(null, { status: 202, headers: { 'x-line-request-id': `batch-${fake.calls.length}` } });
    }),
    http.get(`${API}/v2/bot/richmenu/progress/batch`, () =>
      HttpResponse.json({
        phase: fake.batchPhase,
        acceptedTime: '2026-01-01T00:00:00.000Z',
        completedTime: '2026-01-01T00:00:01.000Z',
      }),
    ),
  );
  return fake;
}
