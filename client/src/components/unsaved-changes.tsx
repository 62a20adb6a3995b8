import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { ConfirmDialog } from './confirm-dialog';

interface UnsavedRegistry {
  /** Whether the form registered under `key` holds changes not saved (false also when it goes away). */
  set: (key: symbol, dirty: boolean) => void;
}

const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/**
 * Guards the pages inside it against losing edits: while any form under it holds unsaved changes, leaving for another
 * page of the app (a link, the back button, signing out) asks first in a dialog, and closing or reloading the tab gets
 * the browser's own question (beforeunload). One blocker for the whole app (a router supports one at a time), however
 * many forms a page has.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const forms = useRef(new Map<symbol, boolean>());
  const [anyDirty, setAnyDirty] = useState(false);

  const registry = useMemo<UnsavedRegistry>(
    () => ({
      set(key, dirty) {
        if (dirty) {
          forms.current.set(key, true);
        } else {
          forms.current.delete(key);
        }
        setAnyDirty(forms.current.size > 0);
      },
    }),
    [],
  );

  // Read at the moment of navigating, so a save that has just succeeded (and navigates at once) is not held up.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      forms.current.size > 0 &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!anyDirty) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set; the words are the browser's own.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  return (
    <UnsavedContext.Provider value={registry}>
      {children}
      {blocker.state === 'blocked' && (
        <ConfirmDialog
          request={{
            title: t('unsaved.title'),
            body: <p>{t('unsaved.body')}</p>,
            confirmLabel: t('unsaved.leave'),
            cancelLabel: t('unsaved.stay'),
            danger: true,
          }}
          onAnswer={(leave) => {
            if (leave) {
              // The edits are given up: the page that held them goes, and nothing else should ask again.
              forms.current.clear();
              setAnyDirty(false);
              blocker.proceed();
            } else {
              blocker.reset();
            }
          }}
        />
      )}
    </UnsavedContext.Provider>
  );
}

/**
 * Tells the guard whether this form holds unsaved changes (`dirty`: it differs from what was saved). Call
 * `allowLeave()` right before navigating on purpose, e.g. after a save whose result the next page shows. Outside a
 * guard (component tests) it does nothing.
 */
export function useUnsavedChanges(dirty: boolean): { allowLeave: () => void } {
  const registry = useContext(UnsavedContext);
  const [key] = useState(() => Symbol('form'));

  useEffect(() => {
    registry?.set(key, dirty);
  }, [registry, key, dirty]);
  useEffect(() => () => registry?.set(key, false), [registry, key]);

  const allowLeave = useCallback(() => registry?.set(key, false), [registry, key]);
  return { allowLeave };
}
