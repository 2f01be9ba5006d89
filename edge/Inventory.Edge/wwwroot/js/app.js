// Shared by every page: JSON calls to the edge's API with the sign-in cookie, and the service worker.
(function () {
  'use strict';
  async function api(path, options) {
    const opts = Object.assign({ credentials: 'same-origin' }, options || {});
    // Cookie-authenticated API writes must carry this header (the edge's CSRF defence).
    opts.headers = Object.assign({ 'Accept': 'application/json', 'X-Inventory-Client': 'web' }, opts.headers || {});
    if (opts.json !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    const res = await fetch(path, opts);
    if (res.status === 401) {
      const err = new Error('Signed out');
      err.status = 401;
      throw err;
    }
    const text = await res.text();
    const body = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error((body && (body.detail || body.title)) || res.statusText);
      err.status = res.status;
      err.body = body;
      throw err;
    }
    return body;
  }

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  window.inv = { api, esc };

  if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('/sw.js').catch(() => { /* the UI works without it, only not offline */ });
    });
  }
})();
