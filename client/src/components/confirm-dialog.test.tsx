import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { useConfirm } from './confirm-dialog';

function Remover() {
  const { confirm, dialog } = useConfirm();
  const [outcome, setOutcome] = useState('nothing yet');
  async function remove() {
    const yes = await confirm({ title: '「NC旋盤 LB3000」を削除しますか？', body: <p>元に戻せます。</p>, confirmLabel: '削除する', danger: true });
    setOutcome(yes ? 'removed' : 'kept');
  }
  return (
    <>
      <button type="button" onClick={() => void remove()}>
        削除
      </button>
      <p data-testid="outcome">{outcome}</p>
      {dialog}
    </>
  );
}

function renderRemover() {
  render(
    <I18nProvider>
      <Remover />
    </I18nProvider>,
  );
}

describe('the confirmation dialog', () => {
  it('asks in a named dialog, starting on cancel, and does nothing when cancelled', async () => {
    const user = userEvent.setup();
    renderRemover();

    await user.click(screen.getByRole('button', { name: '削除' }));

    const dialog = screen.getByRole('dialog', { name: '「NC旋盤 LB3000」を削除しますか？' });
    expect(dialog).toHaveAccessibleDescription('元に戻せます。');
    expect(screen.getByRole('button', { name: 'キャンセル' })).toHaveFocus();
    expect(screen.getByTestId('outcome')).toHaveTextContent('nothing yet');
    await user.click(screen.getByRole('button', { name: 'キャンセル' }));

    expect(screen.getByTestId('outcome')).toHaveTextContent('kept');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '削除' })).toHaveFocus();
  });

  it('goes on when the action is confirmed', async () => {
    const user = userEvent.setup();
    renderRemover();

    await user.click(screen.getByRole('button', { name: '削除' }));
    await user.click(screen.getByRole('button', { name: '削除する' }));

    expect(screen.getByTestId('outcome')).toHaveTextContent('removed');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
