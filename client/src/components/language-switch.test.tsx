import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider, useI18n } from '@/lib/i18n';
import { LanguageSwitch } from './language-switch';

function ProductName() {
  const { t } = useI18n();
  return <h1>{t('app.name')}</h1>;
}

function renderWithSwitch() {
  render(
    <I18nProvider>
      <LanguageSwitch />
      <ProductName />
    </I18nProvider>,
  );
}

describe('LanguageSwitch', () => {
  it('starts in Japanese', () => {
    renderWithSwitch();

    expect(screen.getByRole('heading')).toHaveTextContent('地域ものづくりレジストリ');
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    renderWithSwitch();

    await userEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading')).toHaveTextContent('Regional Manufacturing Registry');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('registry.language')).toBe('en');
  });

  it('starts in the remembered language', () => {
    window.localStorage.setItem('registry.language', 'en');

    renderWithSwitch();

    expect(screen.getByRole('heading')).toHaveTextContent('Regional Manufacturing Registry');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unknown remembered language', () => {
    window.localStorage.setItem('registry.language', 'fr');

    renderWithSwitch();

    expect(screen.getByRole('heading')).toHaveTextContent('地域ものづくりレジストリ');
  });
});
