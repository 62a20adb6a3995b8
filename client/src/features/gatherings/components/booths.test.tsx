import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { clearPlaceCache } from '@/lib/places';
import { coordinator, json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { anonymousProfile } from '@/testing/fixtures';
import { booth, gathering, participant, supplierA, supplierB, supplierUser } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import type { Participant } from '../api/types';
import { BoardPage } from './board-page';
import { GatheringPage } from './gathering-page';
import { RegistrationForm } from './registration-form';

let session: Session | null = null;
afterEach(() => session?.dispose());
beforeEach(() => clearPlaceCache());

const showcase = gathering({ kind: 'showcase', status: 'published', titleJa: '西三河 技術展示会' });
const municipalities = () =>
  json([
    { code: '232114', code5: '23211', nameJa: '豊田市', nameKana: 'トヨタシ', nameEn: 'Toyota-shi', kind: 'municipality', prefecture: { code: '23', nameJa: '愛知県', nameEn: 'Aichi' } },
    { code: '232025', code5: '23202', nameJa: '岡崎市', nameKana: 'オカザキシ', nameEn: 'Okazaki-shi', kind: 'municipality', prefecture: { code: '23', nameJa: '愛知県', nameEn: 'Aichi' } },
  ]);
// A site that hides its capabilities and equipment from the reader: the booth says so, it does not look empty.
const hiding = booth({
  participantId: 'p-sup-b',
  number: null,
  supplierId: 'site-b',
  nameJa: '三河溶接',
  municipalityCode: '232025',
  shows: null,
  processes: [{ processCode: 'joining.welding.tig', capabilities: [] }],
  capabilitiesHidden: true,
  equipment: [],
  equipmentHidden: true,
});

describe("a showcase's booths", () => {
  it('shows each booth with its firm, municipality by name, the capability facts of what it demonstrates and its equipment; 非公開 where hidden', async () => {
    installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(showcase),
      'GET /api/v1/gatherings/g-1/booths': () => json([booth(), hiding]),
      'GET /api/v1/places/municipalities': municipalities,
    });
    session = renderAs(null, <GatheringPage id="g-1" />);

    const [open, hidden] = await screen.findAllByTestId('booth');
    expect(within(open!).getByTestId('booth-number')).toHaveTextContent('ブース A-12');
    expect(within(open!).getByRole('link', { name: '豊田精工' })).toHaveAttribute('href', '/suppliers/site-a');
    expect(await within(open!).findByTestId('booth-municipality')).toHaveTextContent('豊田市');
    expect(open).not.toHaveTextContent('232114');
    expect(open).toHaveTextContent('アルミ筐体の 5 軸加工サンプル');
    const process = within(open!).getByTestId('booth-process');
    expect(process).toHaveTextContent('フライス加工');
    const facts = await within(process).findByTestId('capability-facts');
    expect(process).toHaveTextContent('5軸加工');
    expect(facts).toHaveTextContent('材質A5052');
    expect(facts).toHaveTextContent('最大ワーク寸法900 × 720 × 630 mm');
    expect(facts).toHaveTextContent('公差±5 µm');
    expect(facts).toHaveTextContent('ロット1–500');
    expect(within(open!).getByTestId('booth-equipment')).toHaveTextContent('サーボプレス · アマダ · SDE-8025');
    expect(within(open!).queryByText('非公開')).not.toBeInTheDocument();

    expect(within(hidden!).getByTestId('booth-number')).toHaveTextContent('ブース未定');
    expect(await within(hidden!).findByTestId('booth-municipality')).toHaveTextContent('岡崎市');
    expect(within(hidden!).getByTestId('booth-process')).toHaveTextContent('TIG溶接');
    expect(within(hidden!).getByTestId('booth-capabilities-hidden')).toHaveTextContent('非公開');
    expect(within(hidden!).queryByTestId('capability-facts')).not.toBeInTheDocument();
    expect(within(hidden!).getByTestId('booth-equipment-hidden')).toHaveTextContent('非公開');
    expect(screen.getByRole('link', { name: '印刷用の出展者一覧' })).toHaveAttribute('href', '/gatherings/g-1/booths');
  });

  it('is not asked for at a matching meeting', async () => {
    const calls = installFakeApi({ 'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'published' })) });
    session = renderAs(null, <GatheringPage id="g-1" />);

    expect(await screen.findByTestId('gathering-details')).toBeInTheDocument();
    expect(screen.queryByTestId('booths-section')).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/booths'))).toBe(false);
  });

  it("lets an organiser give an exhibitor its booth, with the registration's version, and shows a taken booth's message beside the field", async () => {
    const user = userEvent.setup();
    let exhibitor: Participant = { ...supplierA, booth: null };
    let answer = () => problem(409, '/problems/conflict', { detail: 'そのブースは別の出展者に割り当て済みです。' });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(showcase),
      'GET /api/v1/gatherings/g-1/participants': () => json([exhibitor, supplierB]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([]),
      'PUT /api/v1/gatherings/g-1/participants/p-sup-a/booth': () => answer(),
    });
    session = renderAs(coordinator, <BoardPage id="g-1" />);

    const panel = await screen.findByTestId('booths-panel');
    // Only approved exhibitors get a booth: 三河溶接 still waits for approval.
    expect(within(panel).getAllByTestId('booth-row').map((row) => row.dataset.name)).toEqual(['豊田精工']);
    const field = within(panel).getByLabelText('豊田精工 のブース番号');
    await user.type(field, 'A-1');
    await user.click(within(panel).getByRole('button', { name: '保存' }));

    const errors = await within(panel).findByTestId('field-errors');
    expect(errors).toHaveTextContent('そのブースは別の出展者に割り当て済みです。');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toBe(errors.id);
    const refused = calls.find((c) => c.method === 'PUT')!;
    expect(refused.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(refused.body)).toEqual({ booth: 'A-1' });

    answer = () => {
      exhibitor = { ...supplierA, booth: 'B-3', version: 4 };
      return json(exhibitor);
    };
    await user.clear(field);
    await user.type(field, ' B-3 ');
    await user.click(within(panel).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(within(screen.getByTestId('booths-panel')).getByLabelText('豊田精工 のブース番号')).toHaveValue('B-3'));
    expect(JSON.parse(calls.filter((c) => c.method === 'PUT')[1]!.body)).toEqual({ booth: 'B-3' });
    expect(within(screen.getByTestId('booths-panel')).queryByTestId('field-errors')).not.toBeInTheDocument();
  });

  it("registers an exhibitor with the equipment it demonstrates, chosen from its site's own", async () => {
    const user = userEvent.setup();
    const site = anonymousProfile({
      id: 'site-1',
      nameJa: '山田精工',
      equipment: {
        level: 'public',
        hidden: false,
        items: [
          { id: 'eq-1', typeCode: 'press.servo', maker: 'アマダ', model: 'SDE-8025', count: 1, version: 1 },
          { id: 'eq-2', typeCode: 'press.servo', maker: 'コマツ', model: 'H1F-200', count: 2, version: 1 },
        ],
      },
    });
    const calls = installFakeApi({
      'GET /api/v1/auth/me': () => json(supplierUser),
      'GET /api/v1/suppliers/site-1': () => json(site),
      'POST /api/v1/gatherings/g-1/participants': () => json(participant({ role: 'supplier', status: 'pending' }), 201),
    });
    session = renderAs(supplierUser, <RegistrationForm gathering={showcase} roles={['supplier']} onRegistered={() => undefined} />);

    await user.selectOptions(await screen.findByLabelText(/参加する事業所/), '山田精工');
    const equipment = screen.getByRole('group', { name: '実演する設備' });
    await user.click(await within(equipment).findByRole('checkbox', { name: 'サーボプレス · コマツ · H1F-200' }));
    await user.click(screen.getByRole('checkbox', { name: '5軸加工' }));
    await user.click(screen.getByRole('button', { name: '参加を申し込む' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({
      role: 'supplier',
      sessions: [0, 1],
      note: null,
      supplierId: 'site-1',
      shows: null,
      showProcesses: ['machining.milling.5axis'],
      showEquipmentIds: ['eq-2'],
    });
  });
});
