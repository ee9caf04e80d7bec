// Security tests of the extension in headless Chromium (the test variant, as extension.test.mjs
// loads it, with a second, unrelated extension beside it). What SECURITY.md promises, checked:
//   - the background answers every malformed message from the content script (wrong types,
//     unknown commands, extra keys, text over the limit) with a clear `{error}`, never throws,
//     and keeps working; messages from the extension's own pages are refused too (only the
//     content script may ask for analysis); the content script likewise refuses malformed
//     messages and changes nothing on them;
//   - another extension cannot message whosaid, and a web page has no channel to it at all;
//   - the extension's pages and worker cannot reach the network (a canary server on 127.0.0.1,
//     which the test variant's host permission would otherwise let them reach, gets no request),
//     run strings as code, or parse strings as HTML: the manifest's CSP is in force;
//   - while a page is analysed (on demand and automatically), no request goes anywhere but to
//     the test server and the extension's own files, and the extension's storage holds the
//     settings only, never the page's text; the side panel follows the tab without storage.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { start, stop } from '../browser-test/server.mjs';
import { SHIPPED, launchExtension, openPage } from './extension.mjs';

let origin;
let ext;
let intruder; // the other extension's service worker
let intruderDir;
let canary;
/** Requests the canary server received: none may arrive. */
const canaryHits = [];

before(async () => {
  origin = await start();
  canary = http.createServer((req, res) => {
    canaryHits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('caught');
  });
  await new Promise((resolve) => canary.listen(0, '127.0.0.1', resolve));
  // Another extension, with nothing but a service worker, to knock on whosaid's door.
  intruderDir = mkdtempSync(join(tmpdir(), 'whosaid-intruder-'));
  writeFileSync(join(intruderDir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'intruder', version: '1', background: { service_worker: 'intruder.js' },
  }));
  writeFileSync(join(intruderDir, 'intruder.js'), 'globalThis.intruder = true;\n');
  ext = await launchExtension(undefined, { also: [intruderDir] });
  const isIntruder = (w) => w.url().endsWith('/intruder.js');
  intruder = ext.context.serviceWorkers().find(isIntruder) ??
    await ext.context.waitForEvent('serviceworker', { predicate: isIntruder, timeout: 30_000 });
});

after(async () => {
  await ext?.close();
  await stop();
  canary?.close();
  if (intruderDir) rmSync(intruderDir, { recursive: true, force: true });
});

/** The id of the one tab showing `url`. */
async function tabIdOf(url) {
  const ids = await ext.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url);
  assert.equal(ids.length, 1, `one tab shows ${url} (found ${JSON.stringify(ids)})`);
  return ids[0];
}

const toggle = (tabId) => ext.worker.evaluate((id) => globalThis.whosaid.toggle(id), tabId);
const state = (tabId) => ext.worker.evaluate((id) => globalThis.whosaid.state(id), tabId);

/**
 * Sends each message to the background from the tab's content-script world (where the content
 * script runs: the sender is then exactly what the content script is). A case is
 * `{message}` or `{huge: n}` (an analyze message with a text of n characters, built there).
 * Resolves to `{answer}` or `{threw}` for each.
 */
function sendFromContentScript(tabId, cases) {
  return ext.worker.evaluate(async ({ tabId: id, cases: list }) => {
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: id },
      args: [list],
      func: async (all) => {
        const out = [];
        for (const c of all) {
          const message = 'huge' in c ? { type: 'analyze', text: 'a '.repeat(Math.ceil(c.huge / 2)).slice(0, c.huge) } : c.message;
          try {
            out.push({ answer: await chrome.runtime.sendMessage(message) });
          } catch (e) {
            out.push({ threw: String(e?.message ?? e) });
          }
        }
        return out;
      },
    });
    return result;
  }, { tabId, cases });
}

/** Records every request of the browser context, to check where they went. */
function recordRequests() {
  const urls = [];
  const onRequest = (r) => urls.push(r.url());
  ext.context.on('request', onRequest);
  return {
    /** The URLs that went neither to the test server nor to the extension's own files. */
    elsewhere() {
      return urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`chrome-extension://${ext.id}/`));
    },
    stop: () => ext.context.off('request', onRequest),
  };
}

/** The extension's storage, every area, as the worker reads it. */
const storage = () => ext.worker.evaluate(async () => ({
  sync: await chrome.storage.sync.get(null),
  local: await chrome.storage.local.get(null),
  session: await chrome.storage.session.get(null),
}));

/** Checks that the storage holds settings only, and none of `texts` (the page's quotations). */
async function assertSettingsOnly(texts, what) {
  const s = await storage();
  assert.deepEqual(s.local, {}, `${what}: storage.local is empty`);
  assert.deepEqual(s.session, {}, `${what}: storage.session is empty`);
  for (const key of Object.keys(s.sync)) {
    assert.ok(['quotes', 'actors', 'palette', 'sites'].includes(key), `${what}: storage.sync holds settings only (found ${key})`);
  }
  const all = JSON.stringify(s);
  for (const t of texts) assert.ok(!all.includes(t.slice(0, 40)), `${what}: no page text in storage (${JSON.stringify(t.slice(0, 40))})`);
}

test('the background refuses malformed messages with a clear error and keeps working', { timeout: 120_000 }, async (t) => {
  const url = `${origin}/extension-test/pages/plain.html`;
  const { page, errors } = await openPage(ext.context);
  const requests = recordRequests();
  const workerErrorsBefore = ext.workerErrors.length;
  try {
    await page.goto(url);
    const tabId = await tabIdOf(url);
    const max = await ext.worker.evaluate(() => globalThis.whosaid.maxText);
    assert.equal(max, 2_000_000, 'the text limit is 2,000,000 UTF-16 code units, as SECURITY.md says');
    const said = '\u201CWe are ready to talk,\u201D she said.';
    const cases = [
      ['a string', { message: 'analyze' }, /must be an object, not string/],
      ['a number', { message: 42 }, /must be an object, not number/],
      ['null', { message: null }, /must be an object, not null/],
      ['an array', { message: ['analyze', said] }, /must be an object, not an array/],
      ['no type', { message: { text: said } }, /unknown message type \(undefined\)/],
      ['a type of the wrong type', { message: { type: 7, text: said } }, /unknown message type \(number\)/],
      ['an unknown command', { message: { type: 'eval', text: '1' } }, /unknown message type "eval"/],
      ['a command of the content script', { message: { type: 'toggle', options: {} } }, /unknown message type "toggle"/],
      ['a command in capitals', { message: { type: 'ANALYZE', text: said } }, /unknown message type "ANALYZE"/],
      ['no text', { message: { type: 'analyze' } }, /exactly the keys text, type/],
      ['an extra key', { message: { type: 'analyze', text: said, options: { rejected: true } } }, /exactly the keys text, type/],
      ['a number for text', { message: { type: 'analyze', text: 42 } }, /must be a string, not number/],
      // (the browser drops a key whose value is null on the way)
      ['null for text', { message: { type: 'analyze', text: null } }, /exactly the keys text, type \(got type\)/],
      ['an object for text', { message: { type: 'analyze', text: { length: 3 } } }, /must be a string, not object/],
      ['a list for text', { message: { type: 'analyze', text: [said] } }, /must be a string, not object/],
      ['a text one over the limit', { huge: max + 1 }, new RegExp(`too long to analyse: ${max + 1} characters, at most ${max}`)],
      ['a text far over the limit', { huge: 5 * max }, new RegExp(`too long to analyse: ${5 * max} characters`)],
      ['changed with a payload', { message: { type: 'changed', quotes: [said] } }, /exactly the keys type/],
    ];
    const answers = await sendFromContentScript(tabId, cases.map(([, c]) => c));
    for (const [i, [what, , expected]] of cases.entries()) {
      const a = answers[i];
      assert.ok(!('threw' in a), `${what}: answered, not thrown (${a.threw})`);
      assert.deepEqual(Object.keys(a.answer ?? {}), ['error'], `${what}: the answer is {error} (${JSON.stringify(a.answer)?.slice(0, 200)})`);
      assert.match(a.answer.error, /^whosaid: /, `${what}: the error says it is whosaid's`);
      assert.match(a.answer.error, expected, `${what}: the error says what is wrong`);
    }
    t.diagnostic(`e.g. ${answers.slice(-3).map((a) => a.answer.error).join(' | ')}`);

    // Well-formed messages are still answered: the worker kept working.
    const [good, atLimit, changed] = await sendFromContentScript(tabId, [
      { message: { type: 'analyze', text: said } }, { huge: max }, { message: { type: 'changed' } },
    ]);
    assert.equal(good.answer?.result?.quotes?.length, 1, `a well-formed analyze is answered with the analysis (${JSON.stringify(good).slice(0, 200)})`);
    assert.equal(good.answer.result.quotes[0].speaker?.text, 'she', 'with the speaker');
    assert.ok(Array.isArray(atLimit.answer?.result?.quotes), `a text of exactly ${max} characters is analysed (${JSON.stringify(atLimit).slice(0, 200)})`);
    assert.deepEqual(changed.answer, { ok: true }, '"changed" is acknowledged');

    // The extension's own pages may not ask for analysis (only the content script does).
    const { page: options, errors: optionsErrors } = await openPage(ext.context);
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    const fromPage = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'analyze', text }), said);
    assert.deepEqual(fromPage, { error: "whosaid: messages are accepted only from whosaid's content script in a tab" },
      'an extension page asking for analysis is refused');
    await options.close();
    assert.deepEqual(optionsErrors, [], 'no error in the options page');

    // And the toolbar action still highlights and clears the page.
    assert.equal(await toggle(tabId), 'highlighted', 'the page is highlighted after all that');
    const result = await state(tabId);
    assert.ok(result?.quotes?.length >= 2, 'with its quotations');
    await assertSettingsOnly(result.quotes.map((q) => q.text), 'while highlighted');
    assert.equal(await toggle(tabId), 'cleared', 'and cleared');

    assert.deepEqual(ext.workerErrors.slice(workerErrorsBefore), [], 'no console error in the service worker');
    assert.deepEqual(errors, [], 'no console error or page error in the page');
    assert.deepEqual(requests.elsewhere(), [], 'no request but to the page\'s server and the extension\'s files');
  } finally {
    requests.stop();
    await page.close();
  }
});

test('the content script refuses malformed messages with a clear error and changes nothing', { timeout: 120_000 }, async () => {
  const url = `${origin}/extension-test/pages/plain.html`;
  const { page, errors } = await openPage(ext.context);
  try {
    await page.goto(url);
    const tabId = await tabIdOf(url);
    assert.equal(await toggle(tabId), 'highlighted', 'highlighted (the content script is there)');
    const cases = [
      ['a string', 'toggle', /must be an object/],
      ['an unknown command', { type: 'analyze', text: 'x' }, /unknown message type "analyze"/],
      ['toggle without options', { type: 'toggle' }, /"toggle" message is/],
      ['toggle with a wrong option', { type: 'toggle', options: { quotes: 'yes' } }, /"toggle" message is/],
      ['toggle with an unknown palette', { type: 'toggle', options: { palette: 'url(https://example.com/x)' } }, /"toggle" message is/],
      ['toggle with an extra key', { type: 'toggle', options: {}, then: 'reveal' }, /"toggle" message is/],
      ['reveal of a negative index', { type: 'reveal', index: -1 }, /"reveal" message is/],
      ['reveal of a string', { type: 'reveal', index: '0' }, /"reveal" message is/],
      ['reveal of a fraction', { type: 'reveal', index: 0.5 }, /"reveal" message is/],
      ['result with a payload', { type: 'result', tab: 1 }, /"result" message is/],
    ];
    for (const [what, message, expected] of cases) {
      const answer = await ext.worker.evaluate(({ id, m }) => chrome.tabs.sendMessage(id, m).catch((e) => ({ threw: String(e) })), { id: tabId, m: message });
      assert.deepEqual(Object.keys(answer ?? {}), ['error'], `${what}: the answer is {error} (${JSON.stringify(answer)})`);
      assert.match(answer.error, /^whosaid: /, `${what}: the error says it is whosaid's`);
      assert.match(answer.error, expected, `${what}: the error says what is wrong (${answer.error})`);
    }
    const reveal = await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'reveal', index: 1e9 }), tabId);
    assert.equal(reveal, false, 'reveal of a quotation that does not exist answers false');
    assert.ok((await state(tabId))?.quotes?.length >= 2, 'the page is still highlighted: no malformed toggle cleared it');
    assert.equal(await toggle(tabId), 'cleared', 'a well-formed toggle still clears it');
    assert.equal(await state(tabId), null, 'and the content script then holds no result');
    assert.deepEqual(errors, [], 'no console error or page error in the page');
  } finally {
    await page.close();
  }
});

test('another extension cannot message whosaid, and a web page has no channel to it', { timeout: 60_000 }, async () => {
  assert.equal(await intruder.evaluate(() => globalThis.intruder), true, 'the other extension runs');
  const knock = await intruder.evaluate(async (id) => {
    const out = {};
    try {
      out.analyze = { answer: await chrome.runtime.sendMessage(id, { type: 'analyze', text: '\u201CHi,\u201D she said.' }) };
    } catch (e) {
      out.analyze = { threw: String(e?.message ?? e) };
    }
    out.connect = await new Promise((resolve) => {
      const port = chrome.runtime.connect(id);
      port.onDisconnect.addListener(() => resolve({ disconnected: chrome.runtime.lastError?.message ?? true }));
      port.onMessage.addListener((m) => resolve({ message: m }));
      port.postMessage({ type: 'analyze', text: 'x' });
    });
    return out;
  }, ext.id);
  assert.match(knock.analyze.threw ?? '', /Receiving end does not exist/, `runtime.sendMessage from another extension finds no receiver (${JSON.stringify(knock.analyze)})`);
  assert.ok('disconnected' in knock.connect, `runtime.connect from another extension is disconnected (${JSON.stringify(knock.connect)})`);

  const { page, errors } = await openPage(ext.context);
  try {
    await page.goto(`${origin}/extension-test/pages/plain.html`);
    const channel = await page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage);
    assert.equal(channel, 'undefined', 'a web page has no chrome.runtime.sendMessage (no externally_connectable)');
    assert.deepEqual(errors, [], 'no console error or page error in the page');
  } finally {
    await page.close();
  }
  // whosaid is unaffected.
  const said = await ext.worker.evaluate(() => globalThis.whosaid.maxText);
  assert.equal(typeof said, 'number', 'the worker still answers');
});

test('the extension\'s pages and worker cannot reach the network, run strings or parse HTML (its CSP)', { timeout: 60_000 }, async () => {
  const bait = `http://127.0.0.1:${canary.address().port}`;
  // (in a timer, not in the evaluated function itself: DevTools may allow eval while it evaluates)
  const probe = (base) => new Promise((resolve) => setTimeout(async () => {
    const out = {};
    const attempt = async (name, f) => {
      try {
        out[name] = `allowed: ${await f()}`;
      } catch (e) {
        out[name] = `blocked: ${e?.name}`;
      }
    };
    await attempt('fetch', async () => (await fetch(`${base}/fetch`)).status);
    await attempt('eval', () => eval('1 + 1'));
    await attempt('Function', () => new Function('return 2')());
    if (typeof document === 'object') {
      await attempt('innerHTML', () => {
        document.createElement('div').innerHTML = '<img src=x>';
        return 'set';
      });
      await attempt('setTimeout with a string', () => setTimeout('1', 0));
      await attempt('XMLHttpRequest', () => new Promise((ok, fail) => {
        const x = new XMLHttpRequest();
        x.onload = () => ok(x.status);
        x.onerror = () => fail(new TypeError('network error'));
        x.open('GET', `${base}/xhr`);
        x.send();
      }));
      // A beacon and an image: no exception either way; the canary tells whether they went.
      try {
        navigator.sendBeacon(`${base}/beacon`, 'text');
      } catch {
        // (refused outright: as good)
      }
      const img = document.createElement('img');
      img.src = `${base}/img`;
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      img.remove();
    }
    resolve(out);
  }, 0));

  const found = {};
  found.worker = await ext.worker.evaluate(probe, bait);
  for (const name of ['panel', 'options']) {
    const { page } = await openPage(ext.context);
    await page.goto(`chrome-extension://${ext.id}/${name}.html`);
    found[name] = await page.evaluate(probe, bait);
    await page.close();
  }
  for (const [where, out] of Object.entries(found)) {
    for (const [what, how] of Object.entries(out)) {
      assert.match(how, /^blocked/, `${where}: ${what} is blocked (${how})`);
    }
  }
  assert.deepEqual(Object.keys(found.panel).sort(), ['Function', 'XMLHttpRequest', 'eval', 'fetch', 'innerHTML', 'setTimeout with a string'],
    'every probe ran in the pages');
  // The control: a web page (no CSP) reaches the canary, so the browser could.
  const { page } = await openPage(ext.context);
  await page.goto(`${origin}/extension-test/pages/plain.html`);
  assert.equal(await page.evaluate((b) => fetch(`${b}/control`).then((r) => r.text()), bait), 'caught', 'a web page reaches the canary');
  await page.close();
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(canaryHits, ['GET /control'],
    'no request from the extension reached the canary server (127.0.0.1, within the test variant\'s host permission), only the control\'s');
});

test('automatic highlighting on a granted site: nothing sent anywhere, settings only in storage, the panel follows', { timeout: 120_000 }, async (t) => {
  const requests = recordRequests();
  const workerErrorsBefore = ext.workerErrors.length;
  const url = `${origin}/extension-test/pages/strict.html`;
  // The test variant holds host access to http://127.0.0.1 (what the options page asks for).
  await ext.worker.evaluate(() => chrome.storage.sync.set({ sites: ['http://127.0.0.1/*'] }));
  const registered = async () => (await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => s.id);
  for (const deadline = Date.now() + 10_000; !(await registered()).includes('whosaid-auto') && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(await registered(), ['whosaid-auto'], 'the content script is registered for the granted site');
  const { page, errors } = await openPage(ext.context);
  const { page: panel, errors: panelErrors } = await openPage(ext.context);
  try {
    await page.goto(url);
    const tabId = await tabIdOf(url);
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('whosaid-')), null, { polling: 100, timeout: 15_000 });
    const result = await state(tabId);
    assert.ok(result?.quotes?.length >= 2, 'highlighted automatically, with its quotations');
    t.diagnostic(`strict.html, automatically: ${result.quotes.length} quotes`);
    await assertSettingsOnly(result.quotes.map((q) => q.text), 'automatic highlighting');

    // The panel shows the tab's result, then follows it being cleared without a reload.
    await panel.goto(`chrome-extension://${ext.id}/panel.html?tab=${tabId}`);
    await panel.waitForFunction(() => document.querySelectorAll('#who-said-what button.quote').length >= 2, null, { polling: 100, timeout: 15_000 });
    assert.equal(await toggle(tabId), 'cleared', 'the action clears the automatic highlighting');
    await panel.waitForFunction(() => document.querySelectorAll('#who-said-what button.quote').length === 0 &&
      document.querySelector('#empty')?.getClientRects().length > 0, null, { polling: 100, timeout: 15_000 });
    assert.equal(await toggle(tabId), 'highlighted', 'and highlights again');
    await panel.waitForFunction(() => document.querySelectorAll('#who-said-what button.quote').length >= 2, null, { polling: 100, timeout: 15_000 });
    await assertSettingsOnly(result.quotes.map((q) => q.text), 'highlighted again');

    assert.deepEqual(errors, [], 'no console error or page error in the page');
    assert.deepEqual(panelErrors, [], 'no console error or page error in the panel');
    assert.deepEqual(ext.workerErrors.slice(workerErrorsBefore), [], 'no console error in the service worker');
    assert.deepEqual(requests.elsewhere(), [], 'no request but to the page\'s server and the extension\'s files');
  } finally {
    requests.stop();
    await panel.close();
    await page.close();
    await ext.worker.evaluate(() => chrome.storage.sync.set({ sites: [] }));
  }
});

test('SECURITY.md states the limits the extension enforces', () => {
  const doc = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8');
  assert.ok(doc.includes('2,000,000'), 'SECURITY.md gives the text limit, 2,000,000 UTF-16 code units');
  const csp = JSON.parse(readFileSync(join(SHIPPED, 'manifest.json'), 'utf8')).content_security_policy.extension_pages;
  assert.ok(doc.includes(`\`${csp}\``), `SECURITY.md quotes the manifest's CSP as it is: ${csp}`);
  for (const p of ['activeTab', 'scripting', 'storage', 'sidePanel']) assert.ok(doc.includes(`\`${p}\``), `SECURITY.md explains ${p}`);
});
