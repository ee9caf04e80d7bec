// whosaid options: what to highlight, the colours, and the sites highlighted automatically.
// Saving a site list asks the browser for host permission for exactly those sites (nothing is
// granted at install); the background registers the content script there.

const form = /** @type {HTMLFormElement} */ (document.getElementById('form'));
const quotes = /** @type {HTMLInputElement} */ (document.getElementById('quotes'));
const actors = /** @type {HTMLInputElement} */ (document.getElementById('actors'));
const sites = /** @type {HTMLTextAreaElement} */ (document.getElementById('sites'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

/** A site as typed ("https://news.example.com", "news.example.com/") to a match pattern. */
function patternOf(/** @type {string} */ line) {
  const s = line.trim();
  if (!s) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

const saved = await chrome.storage.sync.get({ quotes: true, actors: true, palette: 'soft', sites: [] });
// (storage.sync is shared by the user's browsers, perhaps another version: check the types)
quotes.checked = saved.quotes !== false;
actors.checked = saved.actors !== false;
for (const r of form.querySelectorAll('input[name=palette]')) {
  /** @type {HTMLInputElement} */ (r).checked = /** @type {HTMLInputElement} */ (r).value === saved.palette;
}
const savedSites = Array.isArray(saved.sites) ? saved.sites.filter((/** @type {unknown} */ p) => typeof p === 'string') : [];
sites.value = savedSites.map((p) => p.replace(/\/\*$/, '')).join('\n');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const lines = sites.value.split('\n');
  const patterns = lines.map(patternOf).filter((p) => p !== null);
  const bad = lines.filter((l) => l.trim() && patternOf(l) === null);
  if (bad.length > 0) {
    status.textContent = `Not a site: ${bad.join(', ')}`;
    return;
  }
  // (asked right in the click's handler: the browser shows its permission prompt)
  const granted = patterns.length === 0 || (await chrome.permissions.request({ origins: patterns }));
  const palette = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=palette]:checked'))?.value ?? 'soft';
  await chrome.storage.sync.set({
    quotes: quotes.checked,
    actors: actors.checked,
    palette,
    sites: granted ? patterns : [],
  });
  status.textContent = granted ? 'Saved.' : 'Saved, without automatic sites: permission was not given.';
});
