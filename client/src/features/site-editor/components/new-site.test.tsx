import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { anonymousProfile } from '@/testing/fixtures';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { NewSite } from './new-site';

function renderNewSite() {
  const router = createMemoryRouter(
    [
      { path: '/my/sites/new', element: <NewSite /> },
      { path: '/suppliers/:id/edit', element: <h1>editor</h1> },
    ],
    { initialEntries: ['/my/sites/new'] },
  );
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

describe('registering a new site', () => {
  it('creates a draft with the default disclosure and continues in its editor', async () => {
    const user = userEvent.setup();
    let created: Call | undefined;
    installFakeApi({
      'POST /api/v1/suppliers': (call) => {
        created = call;
        return json(anonymousProfile({ id: 'new-site', status: 'draft', canEdit: true }), 201);
      },
    });
    const router = renderNewSite();

    await user.type(screen.getByLabelText('事業所名 （必須）'), '試作 精工');
    await screen.findByRole('option', { name: '愛知県' });
    await user.selectOptions(screen.getByLabelText('都道府県 （必須）'), '23');
    await user.click(screen.getByRole('button', { name: '登録' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/suppliers/new-site/edit'));
    expect(JSON.parse(created!.body)).toMatchObject({
      nameJa: '試作 精工',
      prefectureCode: '23',
      municipalityCode: null,
      disclosure: { contact: 'members', equipment: 'public', challenges: 'coordinators' },
    });
  });

  it("keeps the form and shows the API's messages when the API refuses it", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'POST /api/v1/suppliers': () =>
        json({ status: 400, errors: { prefectureCode: ['Not a JIS X 0401 prefecture code.'], nameJa: ['The NameJa field is required.'] } }, 400),
    });
    const router = renderNewSite();

    await user.click(screen.getByRole('button', { name: '登録' }));

    expect(await screen.findByText('The NameJa field is required.')).toBeInTheDocument();
    expect(screen.getByLabelText('都道府県 （必須）')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Not a JIS X 0401 prefecture code.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/my/sites/new');
  });
});
