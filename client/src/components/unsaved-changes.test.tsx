import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { UnsavedChangesGuard, useUnsavedChanges } from './unsaved-changes';

function Editor() {
  const [name, setName] = useState('山田精工');
  useUnsavedChanges(name !== '山田精工');
  return (
    <label>
      名前
      <input value={name} onChange={(event) => setName(event.target.value)} />
    </label>
  );
}

function renderApp() {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <UnsavedChangesGuard>
            <Link to="/elsewhere">よそへ</Link>
            <Outlet />
          </UnsavedChangesGuard>
        ),
        children: [
          { path: 'edit', element: <Editor /> },
          { path: 'elsewhere', element: <h1>よそ</h1> },
        ],
      },
    ],
    { initialEntries: ['/', '/edit'], initialIndex: 1 },
  );
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

describe('unsaved changes', () => {
  it('lets the user leave a form without changes at once', async () => {
    const user = userEvent.setup();
    const router = renderApp();

    await user.click(screen.getByRole('link', { name: 'よそへ' }));

    expect(router.state.location.pathname).toBe('/elsewhere');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks before a link or the back button leaves edits behind; staying keeps them, leaving goes', async () => {
    const user = userEvent.setup();
    const router = renderApp();
    await user.type(screen.getByLabelText('名前'), ' 本社');

    await user.click(screen.getByRole('link', { name: 'よそへ' }));

    const dialog = screen.getByRole('dialog', { name: '保存していない変更があります。このページを離れますか？' });
    expect(dialog).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/edit');
    await user.click(screen.getByRole('button', { name: 'このページに留まる' }));
    expect(router.state.location.pathname).toBe('/edit');
    expect(screen.getByLabelText('名前')).toHaveValue('山田精工 本社');

    await router.navigate(-1);
    expect(router.state.location.pathname).toBe('/edit');
    await user.click(await screen.findByRole('button', { name: '変更を破棄して離れる' }));

    expect(router.state.location.pathname).toBe('/');
  });

  it('has the browser ask before the tab is closed or reloaded with edits', async () => {
    const user = userEvent.setup();
    renderApp();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);

    await user.type(screen.getByLabelText('名前'), ' 本社');

    expect(unload()).toBe(true);
  });
});
