import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearTaxonomyCache } from '@/lib/taxonomy';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  clearTaxonomyCache();
});
