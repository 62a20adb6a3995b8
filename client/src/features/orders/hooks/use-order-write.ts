import { useState } from 'react';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import type { Order } from '../api/types';

/**
 * One write on an order at a time: `busy` while it runs, the failure to show when it did not go through, and the
 * order the service answered with handed to `onDone` (the page reads the route again: expected days move).
 */
export function useOrderWrite(onDone: (order: Order) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);

  async function run(action: () => Promise<WriteResult<Order>>): Promise<boolean> {
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
