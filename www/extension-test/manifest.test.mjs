// Tests of the built extension's manifests and store zip, without a browser: the shipped
// Chromium manifest asks for the least (activeTab, scripting, storage, sidePanel; no host
// permission, no <all_urls>, no remote source in its CSP) and names only files it has; the test
// variant is the same plus host access to http://127.0.0.1; www/dist/whosaid-chromium.zip holds
// exactly the shipped folder and stays within 300 KB.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import { SHIPPED, TESTED, ZIP, assertBuilt } from './extension.mjs';

/** The zip budget, as scripts/build-extension.mjs checks it. */
const BUDGET = 300 * 1024;

const manifestOf = (dir) => {
  assertBuilt(join(dir, 'manifest.json'));
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
};

/** The files under `dir`, sorted, as '/'-separated paths relative to it. */
function files(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, base) : [relative(base, p).split(sep).join('/')];
  });
}

/** The entries of a zip archive (its central directory): name → uncompressed bytes. */
function unzip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'the zip has an end-of-central-directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, `zip central directory entry ${i}`);
    const method = buffer.readUInt16LE(at + 10);
    const packed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (name.endsWith('/')) continue; // a folder entry
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + packed);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated (method ${method})`);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
  }
  return entries;
}

/** The sources of a CSP directive list, by directive. */
function directives(csp) {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

test('the shipped manifest asks for the least: no host permission, no <all_urls>, no remote code', () => {
  const m = manifestOf(SHIPPED);
  assert.equal(m.manifest_version, 3, 'Manifest V3');
  assert.deepEqual([...m.permissions].sort(), ['activeTab', 'scripting', 'sidePanel', 'storage'],
    'permissions are exactly activeTab, scripting, storage, sidePanel');
  assert.equal(m.host_permissions, undefined, 'no host_permissions (activeTab, or optional ones the user grants)');
  assert.ok(!JSON.stringify(m).includes('<all_urls>'), 'no <all_urls> anywhere in the manifest');
  assert.equal(m.content_scripts, undefined, 'no content script declared for pages (it is injected on demand)');
  for (const p of m.optional_host_permissions ?? []) {
    assert.match(p, /^https?:\/\//, `optional host permission ${p} is for http or https only`);
  }

  const csp = m.content_security_policy?.extension_pages;
  assert.equal(typeof csp, 'string', 'content_security_policy.extension_pages is set');
  const d = directives(csp);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"], `script-src is 'self' 'wasm-unsafe-eval' (CSP: ${csp})`);
  for (const [name, sources] of Object.entries(d)) {
    for (const s of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(s), `CSP ${name} has only local sources (found ${s} in: ${csp})`);
    }
  }
  for (const [key, policy] of Object.entries(m.content_security_policy)) {
    for (const [name, sources] of Object.entries(directives(policy))) {
      const remote = sources.filter((s) => !/^'[a-z-]+'$/.test(s));
      assert.deepEqual(remote, [], `content_security_policy.${key}: ${name} names no host, scheme or wildcard`);
    }
  }

  assert.equal(m.background?.service_worker, 'background.js', 'the background is the service worker background.js');
  assert.equal(m.background?.type, 'module', 'a module service worker');
  assert.equal(m.side_panel?.default_path, 'panel.html', 'the side panel is panel.html');
  assert.equal(m.options_ui?.page ?? m.options_page, 'options.html', 'the options page is options.html');
  assert.ok(m.action, 'a toolbar action');
  assert.equal(m.commands?._execute_action?.suggested_key?.default, 'Alt+Shift+W', 'the action\'s shortcut is Alt+Shift+W');

  // Every file the manifest names is in the folder.
  const named = [m.background.service_worker, m.side_panel.default_path, m.options_ui?.page ?? m.options_page,
    m.action.default_popup, ...Object.values(m.icons ?? {}), ...Object.values(m.action.default_icon ?? {})];
  for (const f of named.filter((x) => typeof x === 'string')) {
    assert.ok(existsSync(join(SHIPPED, f)), `${f}, named in the manifest, is in ${SHIPPED}`);
  }
});

test('the test variant is the shipped extension plus host access to http://127.0.0.1 only', () => {
  const shipped = manifestOf(SHIPPED);
  const { host_permissions: hosts, ...rest } = manifestOf(TESTED);
  assert.deepEqual(hosts, ['http://127.0.0.1/*'], 'chromium-test/ has host_permissions ["http://127.0.0.1/*"]');
  assert.deepEqual(rest, shipped, 'otherwise the same manifest');
  assert.deepEqual(files(TESTED), files(SHIPPED), 'the same files');
  for (const f of files(SHIPPED).filter((x) => x !== 'manifest.json')) {
    assert.ok(readFileSync(join(TESTED, f)).equals(readFileSync(join(SHIPPED, f))), `${f} is the same in both`);
  }
});

test('whosaid-chromium.zip is the shipped folder, within 300 KB', () => {
  assertBuilt(ZIP);
  const size = statSync(ZIP).size;
  assert.ok(size <= BUDGET, `${ZIP} is ${(size / 1024).toFixed(1)} KB, over the 300 KB budget`);
  const entries = unzip(readFileSync(ZIP));
  assert.deepEqual([...entries.keys()].sort(), files(SHIPPED), 'the zip has the files of chromium/, manifest.json at its root');
  for (const [name, data] of entries) {
    assert.ok(data.equals(readFileSync(join(SHIPPED, name))), `${name} in the zip is the same as in chromium/`);
  }
});
