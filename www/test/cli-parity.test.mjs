// The CLI (`whosaid --json`) and the wasm API print the same JSON for the same text.
// Needs the native CLI: scripts/test.sh builds it; WHOSAID_CLI may point at another build.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { ready, analyze } from '../whosaid.js';

const cli = process.env.WHOSAID_CLI ?? fileURLToPath(new URL('../../target/release/whosaid', import.meta.url));

const TEXTS = [
  'Port talks resume\n\n\u201CWe will not go back to work for this,\u201D said Rosa Quinlan, the union leader.',
  '\u{1F4E2} \u2018Headline\u2019 news\n\n"It\'s a so-called \u201Creset\u201D," she said. \u00ABNon,\u00BB dit-il.',
  await readFile(new URL('../../tests/golden/summit.txt', import.meta.url), 'utf8'),
];

test('CLI --json and wasm analyze() give identical JSON', async () => {
  assert.ok(existsSync(cli), `the native CLI is missing at ${cli}: build it with cargo build --release`);
  await ready(await readFile(new URL('../pkg/whosaid_bg.wasm', import.meta.url)));
  for (const text of TEXTS) {
    for (const [flags, options] of [[[], undefined], [['--rejected'], { rejected: true }]]) {
      const run = spawnSync(cli, ['--json', ...flags, '-'], { input: text, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const fromWasm = JSON.stringify(await analyze(text, options));
      assert.equal(run.stdout.trimEnd(), fromWasm);
    }
  }
});
