import type { ReactNode } from 'react';
import './gap-alert.css';

/**
 * Says what the region (or a cluster's members) cannot do: a titled list, marked so it cannot be missed. `.gap-text`
 * marks the same in a table cell.
 */
export function GapAlert({ title, items, testId }: { title: string; items: readonly { key: string; text: ReactNode }[]; testId?: string }) {
  return (
    <div className="gap-alert" role="note" data-testid={testId}>
      <p className="gap-alert__title">{title}</p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.key} data-testid={testId ? `${testId}-item` : undefined}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
