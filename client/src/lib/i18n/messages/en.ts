import type { MessageKey } from './ja';

export const en: Record<MessageKey, string> = {
  'app.name': 'Regional Manufacturing Registry',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main menu',
  'nav.apiDocs': 'API documentation',
  'language.label': 'Language',
  'language.ja': '日本語',
  'language.en': 'English',
  'home.heading': 'Making regional manufacturing capability visible',
  'home.lead':
    'A municipality-run platform where factories publish what they can make, so buyers and municipalities can find the firms that complete manufacturing inside the region.',
  'readiness.heading': 'Service status',
  'readiness.loading': 'Checking status…',
  'readiness.ready': 'Ready',
  'readiness.readyHint': 'The API is accepting requests.',
  'readiness.notReady': 'Not ready',
  'readiness.notReadyHint': 'The API cannot accept requests yet.',
  'readiness.failingChecks': 'Failing checks',
  'readiness.error': 'Unreachable',
  'readiness.errorHint': 'The API did not answer. It will be checked again automatically.',
  'readiness.checkedAt': 'Last checked {time} (refreshes every {seconds} seconds)',
  'readiness.check.database': 'Database',
  'readiness.check.migrations': 'Database migrations',
  'notFound.heading': 'Page not found',
  'notFound.body': 'The page you are looking for does not exist or has moved.',
  'notFound.backHome': 'Back to the home page',
};
