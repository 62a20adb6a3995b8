import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { buyer, buyerUser, gathering, topic } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import type { GatheringTopic } from '../api/types';
import { GatheringPage } from './gathering-page';
import { TopicTablesPanel } from './topic-tables-panel';
import { TopicsSection } from './topics-section';

let session: Session | null = null;
afterEach(() => session?.dispose());

const meeting = gathering({ kind: 'exchange_meeting', status: 'published', titleJa: '西三河 ものづくり交流会' });
// An anonymous challenge as another participant gets it: the API leaves out who posted it.
const anonymousChallenge = topic({
  id: 'topic-2',
  kind: 'challenge',
  title: '熟練者の退職で研削の技能が途切れる',
  body: '技能伝承の方法を探しています。',
  anonymous: true,
  participantId: null,
  postedBy: null,
  table: 1,
});

describe("an exchange meeting's topics and challenges", () => {
  it('shows a participant the topics with who posted them, and an anonymous challenge without the firm', async () => {
    installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(meeting),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([]),
      'GET /api/v1/gatherings/g-1/participants/p-buyer/suggestions': () => json([]),
      'GET /api/v1/gatherings/g-1/topics': () => json([topic(), anonymousChallenge]),
    });
    session = renderAs(buyerUser, <GatheringPage id="g-1" />);

    const section = await screen.findByTestId('topics-section');
    const [named, anonymous] = await within(section).findAllByTestId('topic');
    expect(within(named!).getByTestId('topic-kind')).toHaveTextContent('話題');
    expect(within(named!).getByTestId('topic-poster')).toHaveTextContent('投稿: 豊田精工');
    expect(within(named!).getByTestId('topic-table')).toHaveTextContent('テーブル未定');
    expect(within(named!).queryByTestId('topic-anonymous')).not.toBeInTheDocument();

    expect(within(anonymous!).getByTestId('topic-kind')).toHaveTextContent('課題');
    expect(within(anonymous!).getByTestId('topic-anonymous')).toHaveTextContent('匿名');
    expect(within(anonymous!).queryByTestId('topic-poster')).not.toBeInTheDocument();
    expect(anonymous).not.toHaveTextContent('投稿:');
    // Tables are 0-based in the API and counted from 1 on screen.
    expect(within(anonymous!).getByTestId('topic-table')).toHaveTextContent('テーブル 2');
    expect(within(section).getByTestId('topic-form')).toBeInTheDocument();
  });

  it('shows the organisers who posted an anonymous challenge, and says it is hidden from the others', async () => {
    installFakeApi({ 'GET /api/v1/gatherings/g-1/topics': () => json([{ ...anonymousChallenge, participantId: 'p-sup-a', postedBy: '豊田精工' }]) });
    session = renderAs(coordinator, <TopicsSection gathering={meeting} registrations={[]} organiser />);

    const item = await screen.findByTestId('topic');
    expect(within(item).getByTestId('topic-poster')).toHaveTextContent('投稿: 豊田精工（匿名: ほかの参加者には表示されていません）');
    expect(screen.queryByTestId('topic-form')).not.toBeInTheDocument();
  });

  it('posts an anonymous challenge after saying the organisers still see the firm, and lists it', async () => {
    const user = userEvent.setup();
    let topics: GatheringTopic[] = [];
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1/topics': () => json(topics),
      'POST /api/v1/gatherings/g-1/topics': (call) => {
        const body = JSON.parse(call.body) as GatheringTopic;
        const created = topic({ id: 'topic-9', kind: body.kind, title: body.title, body: body.body, anonymous: body.anonymous, mine: true, postedBy: 'デモ機械製作所' });
        topics = [created];
        return json(created, 201);
      },
    });
    session = renderAs(buyerUser, <TopicsSection gathering={meeting} registrations={[buyer]} organiser={false} />);

    const form = await screen.findByTestId('topic-form');
    expect(await screen.findByText('話題・課題はまだありません。')).toBeInTheDocument();
    // Only a challenge may go without the firm's name.
    expect(within(form).queryByRole('checkbox', { name: /匿名/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: /課題/ }));
    const anonymous = within(form).getByRole('checkbox', { name: '会社名を出さずに投稿する（匿名）' });
    expect(within(form).getByTestId('anonymity-note')).toHaveTextContent('主催者（市・支援機関のコーディネーター）には、運営のため会社名が表示され');
    expect(anonymous).toHaveAccessibleDescription(expect.stringContaining('ほかの参加者には投稿した会社名が表示されません'));
    await user.type(within(form).getByLabelText(/タイトル/), '熟練者の退職で研削の技能が途切れる');
    await user.type(within(form).getByLabelText('内容'), '技能伝承の方法を探しています。');
    await user.click(anonymous);
    await user.click(within(form).getByRole('button', { name: '投稿する' }));

    const posted = await screen.findByTestId('topic');
    expect(posted).toHaveTextContent('熟練者の退職で研削の技能が途切れる');
    expect(within(posted).getByTestId('topic-anonymous')).toBeInTheDocument();
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({
      kind: 'challenge',
      title: '熟練者の退職で研削の技能が途切れる',
      body: '技能伝承の方法を探しています。',
      anonymous: true,
      participantId: 'p-buyer',
    });
    expect(within(screen.getByTestId('topic-form')).getByLabelText(/タイトル/)).toHaveValue('');
  });

  it('withdraws its own topic after asking, naming its version', async () => {
    const user = userEvent.setup();
    const own = topic({ mine: true, version: 3 });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1/topics': () => json([own]),
      'POST /api/v1/gatherings/g-1/topics/topic-1/withdraw': () => json({ ...own, status: 'withdrawn', version: 4 }),
    });
    session = renderAs(buyerUser, <TopicsSection gathering={meeting} registrations={[buyer]} organiser={false} />);

    await user.click(await screen.findByRole('button', { name: '取り下げる' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: '取り下げる' }));

    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/withdraw'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/withdraw'))!.headers.get('If-Match')).toBe('"3"');
  });

  it("gives a topic a table on the board: shown from 1, sent from 0, with the topic's version", async () => {
    const user = userEvent.setup();
    let current = topic({ version: 2 });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1/topics': () => json([current, topic({ id: 'topic-3', title: '取り下げた話題', status: 'withdrawn' })]),
      'PUT /api/v1/gatherings/g-1/topics/topic-1/table': (call) => {
        current = { ...current, table: (JSON.parse(call.body) as { table: number }).table, version: 3 };
        return json(current);
      },
    });
    session = renderAs(coordinator, <TopicTablesPanel gathering={meeting} />);

    const select = await screen.findByRole('combobox', { name: '「EV 向けアルミ部品の軽量化」のテーブル' });
    // The sessions have 2 and 3 tables: a topic may take any of the three.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['テーブル未定', 'テーブル 1', 'テーブル 2', 'テーブル 3']);
    expect(screen.queryByRole('combobox', { name: '「取り下げた話題」のテーブル' })).not.toBeInTheDocument();
    await user.selectOptions(select, 'テーブル 3');

    await waitFor(() => expect(screen.getAllByTestId('topic-table')[0]).toHaveTextContent('テーブル 3'));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({ table: 2 });
    expect(put.headers.get('If-Match')).toBe('"2"');
  });
});
