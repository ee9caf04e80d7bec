// Registered with content.js on the sites chosen for automatic highlighting: highlights once the
// page has loaded.
globalThis.__whosaid?.auto().catch((e) => console.warn('whosaid:', e));
