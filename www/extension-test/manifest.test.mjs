// Tests of the built extension's manifests and store zip, without a browser: the shipped
// Chromium manifest asks for exactly the allow-listed permissions (activeTab, scripting, storage,
// sidePanel; host access only as the optional http(s) patterns the options page requests site by
// site; no <all_urls>, no externally_connectable, no web-accessible resource), its CSP for the
// extension pages is exactly the strict one of SECURITY.md (no remote source, no eval, no
// plugin, no network but the extension's own files, no HTML from strings), and it names only
// files it has; the Firefox variant has the same limits; the test variant is the shipped one plus
// host access to http://127.0.0.1; www/dist/whosaid-chromium.zip holds exactly the shipped folder
// and stays within 300 KB.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import { FIREFOX, SHIPPED, TESTED, ZIP, assertBuilt } from './extension.mjs';

/** The zip budget, as scripts/build-extension.mjs checks it. */
const BUDGET = 300 * 1024;

/**
 * The permissions the extension may ask for, each with what it is for (README.md and
 * SECURITY.md say the same). Exactly these: one more fails the test until it is added here.
 */
const PERMISSIONS = {
  activeTab: 'read the tab where the button is clicked (or the shortcut pressed), then only',
  scripting: 'put the content script into that tab; register it on the sites chosen in the options',
  storage: 'keep the settings (storage.sync); never any page text',
  sidePanel: 'show who said what beside the page (Chromium; Firefox has sidebar_action)',
};
/** Host access, only ever requested at run time for the sites the user lists in the options. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
/**
 * The CSP of the extension's pages and worker, directive by directive: nothing by default; code
 * only from the extension's files, plus compiling its wasm; styles from its files; connections
 * (fetch) only to its own files; no plugins, no <base>, no form posts; no HTML or script built
 * from strings (Trusted Types with no policy: innerHTML and the like throw).
 */
const CSP = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ["'none'"],
};
/** Manifest keys that would let pages or other extensions in, or run code the folder lacks. */
const NEVER = ['externally_connectable', 'web_accessible_resources', 'content_scripts', 'host_permissions',
  'optional_permissions', 'update_url', 'sandbox', 'chrome_url_overrides', 'declarative_net_request'];

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
  assert.deepEqual([...m.permissions].sort(), Object.keys(PERMISSIONS).sort(),
    `permissions are exactly the allow-listed ${Object.keys(PERMISSIONS).join(', ')}`);
  assert.deepEqual(m.optional_host_permissions, OPTIONAL_HOSTS, 'optional host permissions: http(s) sites, asked for one by one');
  // (no host_permissions: activeTab, or the optional ones the user grants; no content_scripts:
  // the content script is injected on demand, or registered for the sites the user granted)
  for (const key of NEVER) assert.equal(m[key], undefined, `no ${key} in the manifest`);
  assert.ok(!JSON.stringify(m).includes('<all_urls>'), 'no <all_urls> anywhere in the manifest');

  assert.deepEqual(m.content_security_policy, { extension_pages: m.content_security_policy?.extension_pages },
    'content_security_policy has extension_pages only (no sandbox policy)');
  assert.deepEqual(directives(m.content_security_policy.extension_pages), CSP, 'the extension pages\' CSP is exactly the strict one');

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

test('the Firefox variant asks for no more than the Chromium one, with the same CSP, and collects nothing', () => {
  const shipped = manifestOf(SHIPPED);
  const m = manifestOf(FIREFOX);
  assert.deepEqual([...m.permissions].sort(), Object.keys(PERMISSIONS).filter((p) => p !== 'sidePanel').sort(),
    'permissions: the allow-list without sidePanel (Firefox has sidebar_action)');
  assert.deepEqual(m.optional_host_permissions, OPTIONAL_HOSTS, 'the same optional host permissions');
  assert.ok(!JSON.stringify(m).includes('<all_urls>'), 'no <all_urls> anywhere in the manifest');
  for (const key of NEVER) assert.equal(m[key], undefined, `no ${key} in the manifest`);
  assert.deepEqual(m.content_security_policy, shipped.content_security_policy, 'the same CSP as the Chromium extension');
  assert.deepEqual(m.browser_specific_settings?.gecko?.data_collection_permissions, { required: ['none'] },
    'declares that it collects no data');
  for (const f of [...m.background.scripts, m.sidebar_action.default_panel, m.options_ui.page]) {
    assert.ok(existsSync(join(FIREFOX, f)), `${f}, named in the manifest, is in ${FIREFOX}`);
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
