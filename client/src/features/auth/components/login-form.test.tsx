import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { FakeAuthApi, json, problem } from '@/testing/fake-auth-api';
import { LanguageSwitch } from '@/components/language-switch';
import { LoginForm } from './login-form';

function renderForm() {
  const onSignedIn = vi.fn();
  render(
    <I18nProvider>
      <LoginForm onSignedIn={onSignedIn} />
    </I18nProvider>,
  );
  return onSignedIn;
}

function answerLogin(answer: () => Response | Promise<Response>) {
  const api = new FakeAuthApi().install();
  api.resourceOverride = (call) => (call.path === '/api/v1/auth/login' ? answer() : undefined);
  return api;
}

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) {
    await user.type(screen.getByLabelText('メールアドレス'), email);
  }
  if (password) {
    await user.type(screen.getByLabelText('パスワード'), password);
  }
  await user.click(screen.getByRole('button', { name: 'サインイン' }));
}

describe('LoginForm', () => {
  it('sends the email and password and hands the token pair on', async () => {
    const api = new FakeAuthApi();
    const pair = api.issue();
    const calls = answerLogin(() => json(pair));
    const onSignedIn = renderForm();

    await submit('coordinator@registry.example', 'demo-coordinator-password');

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(pair));
    expect(JSON.parse(calls.calls('/api/v1/auth/login')[0]?.body ?? '')).toEqual({
      email: 'coordinator@registry.example',
      password: 'demo-coordinator-password',
    });
  });

  it('says that the email or password is wrong on 401, and clears the password', async () => {
    answerLogin(() => problem(401, '/problems/invalid-credentials'));
    const onSignedIn = renderForm();

    await submit('coordinator@registry.example', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('メールアドレスまたはパスワードが正しくありません。');
    expect(screen.getByLabelText('パスワード')).toHaveValue('');
    expect(screen.getByLabelText('メールアドレス')).toHaveValue('coordinator@registry.example');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says how many seconds to wait when sign-in is throttled', async () => {
    // Retry-After is what counts, not the English detail.
    answerLogin(() =>
      json({ type: '/problems/login-throttled', title: 'Too many failed sign-ins', status: 429 }, 429, { 'Retry-After': '42' }),
    );
    renderForm();

    await submit('coordinator@registry.example', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'サインインの失敗が続いたため、一時的に停止しています。42 秒後にもう一度お試しください。',
    );
  });

  it("shows the API's validation messages next to their fields", async () => {
    answerLogin(() =>
      problem(400, '/problems/validation', {
        errors: { email: ['The Email field is required.'], password: ['The Password field is required.'], body: ['Odd.'] },
      }),
    );
    renderForm();

    await submit('', '');

    expect(await screen.findByRole('alert')).toHaveTextContent('入力内容を確認してください。');
    expect(screen.getByRole('alert')).toHaveTextContent('Odd.');
    const email = screen.getByLabelText('メールアドレス');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('The Email field is required.');
    expect(screen.getByLabelText('パスワード')).toHaveAccessibleDescription('The Password field is required.');
  });

  it('says when the service cannot be reached', async () => {
    answerLogin(() => Promise.reject(new TypeError('Failed to fetch')));
    renderForm();

    await submit('coordinator@registry.example', 'whatever');

    expect(await screen.findByRole('alert')).toHaveTextContent('サービスに接続できません');
  });

  it('keeps what was typed, the password too, when the language is switched', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <LanguageSwitch />
        <LoginForm onSignedIn={vi.fn()} />
      </I18nProvider>,
    );
    await user.type(screen.getByLabelText('メールアドレス'), 'buyer@registry.example');
    await user.type(screen.getByLabelText('パスワード'), 'demo-buyer-password');

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByLabelText('Email address')).toHaveValue('buyer@registry.example');
    expect(screen.getByLabelText('Password')).toHaveValue('demo-buyer-password');
  });

  it("moves focus to the first field with the API's message after a refused sign-in", async () => {
    answerLogin(() => json({ status: 400, title: 'Invalid', errors: { password: ['パスワードを入力してください。'] } }, 400));
    renderForm();

    await submit('buyer@registry.example', '');

    await vi.waitFor(() => expect(screen.getByLabelText('パスワード')).toHaveFocus());
    expect(screen.getByLabelText('パスワード')).toHaveAccessibleDescription('パスワードを入力してください。');
  });
});
