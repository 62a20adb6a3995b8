import { useCallback, useEffect, useRef, useState } from 'react';
import { getSupplier, type SupplierProfile } from '@/lib/api/suppliers';

export type SiteState = { kind: 'loading' } | { kind: 'ready'; profile: SupplierProfile } | { kind: 'error'; error: unknown };

export interface SiteEditorState {
  state: SiteState;
  /**
   * The version the facts form was filled from, sent as If-Match when it is saved. Each write of this editor (a part,
   * publishing, "still accurate") moves the site's version on by exactly one, and so moves this on by one — not to
   * whatever the API now has, so that a change someone else made meanwhile still makes the save answer 412.
   */
  version: number;
  /** Bumped when the form should be filled afresh (first load, reload, after saving the facts). */
  generation: number;
  /** Reads the site again and starts the form over from it (after "changed meanwhile"). */
  reload: () => void;
  /** After a write of a part: its version moved on by one; the parts are read again, the form is left as it is. */
  afterOwnWrite: (profile?: SupplierProfile) => void;
  /** After the facts were saved: the answer is the new state of the site. */
  saved: (profile: SupplierProfile) => void;
}

export function useSiteEditor(id: string): SiteEditorState {
  const [state, setState] = useState<SiteState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const read = useCallback(
    (fresh: boolean) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      if (fresh) {
        setState({ kind: 'loading' });
      }
      getSupplier(id, current.signal).then(
        (profile) => {
          if (current.signal.aborted) {
            return;
          }
          setState({ kind: 'ready', profile });
          if (fresh) {
            setVersion(profile.version);
            setGeneration((n) => n + 1);
          }
        },
        (error: unknown) => {
          if (!current.signal.aborted && fresh) {
            setState({ kind: 'error', error });
          }
        },
      );
    },
    [id],
  );

  useEffect(() => {
    read(true);
    return () => controller.current?.abort();
  }, [read]);

  const reload = useCallback(() => read(true), [read]);
  const afterOwnWrite = useCallback(
    (profile?: SupplierProfile) => {
      setVersion((n) => n + 1);
      if (profile) {
        setState({ kind: 'ready', profile });
      } else {
        read(false);
      }
    },
    [read],
  );
  const saved = useCallback((profile: SupplierProfile) => {
    setState({ kind: 'ready', profile });
    setVersion(profile.version);
    setGeneration((n) => n + 1);
  }, []);

  return { state, version, generation, reload, afterOwnWrite, saved };
}
