// Generates src/lib/api/schema.d.ts from the published contract (../openapi.yaml), or checks that the
// committed file is what the contract generates today. OPENAPI_SPEC overrides the contract's path.
//   node scripts/api-types.mjs gen
//   node scripts/api-types.mjs check
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(clientDir, process.env.OPENAPI_SPEC ?? '../openapi.yaml');
const committed = join(clientDir, 'src/lib/api/schema.d.ts');
const cli = join(clientDir, 'node_modules/openapi-typescript/bin/cli.js');

function generate(output) {
  execFileSync(process.execPath, [cli, spec, '--output', output], { cwd: clientDir, stdio: 'inherit' });
}

const mode = process.argv[2];
if (mode === 'gen') {
  generate(committed);
} else if (mode === 'check') {
  const dir = mkdtempSync(join(tmpdir(), 'registry-api-types-'));
  try {
    const fresh = join(dir, 'schema.d.ts');
    generate(fresh);
    if (!existsSync(committed) || readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
      console.error('client types are stale: run npm run gen:api in client/');
      process.exit(1);
    }
    console.log('client types match the contract');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.error('usage: node scripts/api-types.mjs gen|check');
  process.exit(2);
}
