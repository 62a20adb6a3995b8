import { useState } from 'react';
import type { WriteFailure, WriteResult } from '@/lib/write-result';

/**
 * One write at a time on a piece of a gathering: `busy` while it runs, the failure to show when it did not go
 * through, and what the service answered handed to `onDone`.
 */
export function useWrite<T>(onDone: (data: T) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);

  async function run(action: () => Promise<WriteResult<T>>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    const result = await action();
    setBusy(false);
    if (result.kind === 'ok') {
      onDone(result.data);
      return true;
    }
    setFailure(result);
    return false;
  }

  return { busy, failure, run, clear: () => setFailure(null) };
}
