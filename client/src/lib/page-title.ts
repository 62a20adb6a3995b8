import { useEffect, useState } from 'react';
import { useI18n } from '@/lib/i18n';

// The titles pages and their parts ask for; the document shows the one with the highest priority (the latest of
// those). A route names its page (priority 0); a page that knows more (a site's name, "not found") says so (1).
interface Entry {
  title: string;
  priority: number;
  order: number;
}

const entries = new Map<symbol, Entry>();
let order = 0;

/** "サプライヤー検索 | 地域ものづくりレジストリ"; the product name alone when no page has named itself. */
export function documentTitle(page: string | null, appName: string): string {
  return page ? `${page} | ${appName}` : appName;
}

function show(appName: string) {
  let best: Entry | null = null;
  for (const entry of entries.values()) {
    if (!best || entry.priority > best.priority || (entry.priority === best.priority && entry.order > best.order)) {
      best = entry;
    }
  }
  document.title = documentTitle(best?.title ?? null, appName);
}

/**
 * Sets the document's <title> while the calling component is on screen: screen readers announce it on navigation, and
 * it names the tab, the history entry and a bookmark. `title` null leaves it to others.
 */
export function usePageTitle(title: string | null, priority = 0): void {
  const { t } = useI18n();
  const appName = t('app.name');
  const [key] = useState(() => Symbol('title'));

  useEffect(() => {
    if (title === null) {
      entries.delete(key);
    } else {
      entries.set(key, { title, priority, order: ++order });
    }
    show(appName);
  }, [key, title, priority, appName]);

  useEffect(
    () => () => {
      entries.delete(key);
      show(appName);
    },
    [key, appName],
  );
}
