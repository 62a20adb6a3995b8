import { vi } from 'vitest';
import { json } from './fake-auth-api';

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

type Handler = (call: Call) => Response | Promise<Response>;

/** Small taxonomies, enough for labels in tests (the API's shape, labels in Japanese). */
export const taxonomy: Record<string, { code: string; label: string; keySpec?: { label: string; unit: string; min: number; max: number } }[]> = {
  processes: [
    { code: 'machining', label: '機械加工' },
    { code: 'machining.milling', label: 'フライス加工' },
    { code: 'machining.milling.5axis', label: '5軸加工' },
    { code: 'joining.welding.tig', label: 'TIG溶接' },
  ],
  materials: [{ code: 'aluminium.a5052', label: 'A5052' }],
  'equipment-types': [
    { code: 'press.servo', label: 'サーボプレス', keySpec: { label: '加圧能力', unit: 'tf', min: 5, max: 3000 } },
  ],
  certifications: [
    { code: 'iso_9001', label: 'ISO 9001（品質マネジメントシステム）' },
    { code: 'iatf_16949', label: 'IATF 16949（自動車産業品質マネジメントシステム）' },
  ],
  qualifications: [{ code: 'welding.jis_z3801', label: '溶接技能者（JIS Z 3801）' }],
  industries: [{ code: '26', label: '生産用機械器具製造業' }],
  prefectures: [
    { code: '21', label: '岐阜県' },
    { code: '23', label: '愛知県' },
  ],
};

/**
 * Stubs global fetch with a fake of the registry API: `handlers` answer by "METHOD /path"; the taxonomy lists answer
 * from `taxonomy`; anything else is a 404 problem. Returns the calls made.
 */
export function installFakeApi(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url, 'http://registry.test');
      const call: Call = { method: request.method, url, headers: request.headers, body: await request.text() };
      calls.push(call);
      const handler = handlers[`${request.method} ${url.pathname}`];
      if (handler) {
        return handler(call);
      }
      const kind = /^\/api\/v1\/taxonomy\/([a-z-]+)$/.exec(url.pathname)?.[1];
      if (request.method === 'GET' && kind && taxonomy[kind]) {
        return json(
          taxonomy[kind].map((term) => ({ ...term, labelJa: term.label, labelEn: term.label, synonyms: [] })),
        );
      }
      return json({ type: '/problems/not-found', title: 'Not found', status: 404 }, 404);
    }),
  );
  return calls;
}
