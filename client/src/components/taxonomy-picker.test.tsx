import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { TaxonomyPicker } from './taxonomy-picker';

function Picker() {
  const [codes, setCodes] = useState<string[]>([]);
  return <TaxonomyPicker kind="processes" label="工程" multiple value={codes} onChange={setCodes} />;
}

describe('the taxonomy picker', () => {
  it('suggests terms by their labels and where they sit, never by their codes', async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/taxonomy/suggest': () =>
        json([
          { kind: 'processes', code: 'machining.milling.5axis', label: '5軸加工', matched: '5軸' },
          { kind: 'processes', code: 'machining.milling', label: 'フライス加工', matched: 'フライス加工' },
        ]),
    });
    render(
      <I18nProvider>
        <Picker />
      </I18nProvider>,
    );

    await user.type(screen.getByRole('combobox', { name: '工程' }), '5軸');

    const options = await screen.findAllByRole('option');
    // The parent's label comes once the taxonomy has loaded.
    await waitFor(() => expect(options[0]).toHaveTextContent('フライス加工'));
    expect(options[0]).toHaveTextContent('5軸加工');
    expect(options[0]).not.toHaveTextContent('machining');
    expect(options[1]).toHaveTextContent('フライス加工');
    expect(options[1]).not.toHaveTextContent('machining');
    await user.click(options[0]!);
    expect(screen.getByRole('list', { name: '選択中の工程' })).toHaveTextContent('5軸加工');
  });
});
