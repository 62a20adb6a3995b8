import { describe, expect, it } from 'vitest';

// Every source file of the app, as text, by its path from the project root ("/src/features/…").
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('/src/testing/');

/** The files a source imports, as paths from the project root (packages left out). */
function importsOf(file: string): string[] {
  const specifiers = [...sources[file]!.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith('@/')) {
      return [`/src/${specifier.slice(2)}`];
    }
    if (!specifier.startsWith('.')) {
      return [];
    }
    const parts = file.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') {
        parts.pop();
      } else if (part !== '.') {
        parts.push(part);
      }
    }
    return [parts.join('/')];
  });
}

const featureOf = (path: string) => /^\/src\/features\/([^/]+)\//.exec(path)?.[1];

function breaches(rule: (file: string, target: string) => boolean): string[] {
  return Object.keys(sources).flatMap((file) =>
    importsOf(file)
      .filter((target) => rule(file, target))
      .map((target) => `${file} → ${target}`),
  );
}

describe('imports flow one way (shared → features → app)', () => {
  it('reads the sources and their imports', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(importsOf('/src/lib/read-result.ts')).toEqual(['/src/lib/problem']);
  });

  it('no feature imports another feature', () => {
    expect(
      breaches((file, target) => {
        const from = featureOf(file);
        const to = featureOf(target);
        return from !== undefined && to !== undefined && from !== to;
      }),
    ).toEqual([]);
  });

  it('shared code (lib, components) imports no feature and no route', () => {
    expect(
      breaches(
        (file, target) =>
          /^\/src\/(lib|components)\//.test(file) && !isTest(file) && /^\/src\/(features|app)\//.test(target),
      ),
    ).toEqual([]);
  });

  it('production code imports nothing made for tests', () => {
    expect(breaches((file, target) => !isTest(file) && target.startsWith('/src/testing/'))).toEqual([]);
  });

  it('no test fixtures sit among the production files', () => {
    expect(Object.keys(sources).filter((file) => !isTest(file) && /fixture/i.test(file))).toEqual([]);
  });
});
