/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '@/lib/i18n';
import { en } from '@/lib/i18n/messages/en';
import { ja } from '@/lib/i18n/messages/ja';

// The service's source, read to find every action it writes to the audit log (tests run from client/).
const api = join(process.cwd(), '..', 'api');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'bin' || entry.name === 'obj' ? [] : sources(path);
    }
    return entry.name.endsWith('.cs') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The audit actions the service writes: literal names, and the part actions it builds per part kind. */
function auditActions(): string[] {
  const text = sources(api).join('\n');
  const literal = [...text.matchAll(/"((?:auth|account|api_client|supplier|matching_request|cluster|theme|webhook|import|order|gathering)\.[a-z_]+)"/g)].map(
    (m) => m[1]!,
  );
  const parts = ['capabilities', 'equipment', 'certifications', 'staff'].flatMap((part) =>
    ['added', 'replaced', 'removed'].map((done) => `supplier.${part}.${done}`),
  );
  expect(text).toContain('$"supplier.{part.Segment}.added"');
  return [...new Set([...literal, ...parts])].sort();
}

describe('audit log labels', () => {
  it('name every action the service records, in Japanese and English', () => {
    const actions = auditActions();
    expect(actions.length).toBeGreaterThan(40);

    const missing = actions.filter((action) => !isMessageKey(`audit.action.${action}`));

    expect(missing).toEqual([]);
    for (const action of actions) {
      const key = `audit.action.${action}` as keyof typeof ja;
      expect(ja[key]).not.toBe(action);
      expect(en[key]).toBeTruthy();
    }
  });
});
