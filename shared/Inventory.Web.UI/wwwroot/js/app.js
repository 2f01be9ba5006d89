// Shared by every page of the edge and the cloud: JSON calls to the service's API with the sign-in cookie,
// formatting of times and ages, and a SignalR connection that says whether the page is live.
(function () {
  'use strict';
  async function api(path, options) {
    const opts = Object.assign({ credentials: 'same-origin' }, options || {});
    // Cookie-authenticated API writes must carry this header (the services' CSRF defence).
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

  /** "just now", "40 s ago", "2 min ago", "3 h ago", "5 days ago"; "never" for none. */
  function ago(value, now) {
    if (!value) return 'never';
    const seconds = Math.max(0, Math.round(((now || Date.now()) - new Date(value).getTime()) / 1000));
    if (seconds < 10) return 'just now';
    if (seconds < 60) return seconds + ' s ago';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min ago';
    if (seconds < 86400) return Math.floor(seconds / 3600) + ' h ago';
    const days = Math.floor(seconds / 86400);
    return days + (days === 1 ? ' day ago' : ' days ago');
  }

  /** A duration in seconds as "0 s", "45 s", "12 min", "3 h". */
  function duration(seconds) {
    if (seconds == null) return '—';
    const s = Math.round(seconds);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.round(s / 60) + ' min';
    return Math.round(s / 3600) + ' h';
  }

  /** Local date and time, for a title or a "as of" line. */
  function when(value) {
    return value ? new Date(value).toLocaleString() : '';
  }

  /** A <time> element that says how long ago, with the exact time as its title; refreshed by refreshAges. */
  function ageHtml(value) {
    if (!value) return '<span class="age">never</span>';
    return `<time class="age" datetime="${esc(value)}" title="${esc(when(value))}">${esc(ago(value))}</time>`;
  }

  /** Rewrites every time.age under root, so "x min ago" stays true on a page left open. */
  function refreshAges(root) {
    (root || document).querySelectorAll('time.age[datetime]').forEach(t => { t.textContent = ago(t.getAttribute('datetime')); });
  }

  const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat();

  /**
   * Connects to a SignalR hub (the browser client from npm), keeps reconnecting and shows the state in the
   * element `status` ("Live" with a green dot, "Reconnecting…"); handlers maps event names to functions;
   * onReconnected runs after a reconnect, to fetch what was missed meanwhile.
   */
  async function hub(url, handlers, status, onReconnected) {
    function set(on, text) {
      if (status) {
        status.classList.toggle('on', on);
        status.textContent = text;
      }
      document.body.dataset.live = on ? 'on' : 'off';
    }
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(30000, 1000 * (ctx.previousRetryCount + 1)) })
      .build();
    Object.keys(handlers).forEach(name => connection.on(name, handlers[name]));
    connection.onreconnecting(() => set(false, 'Reconnecting…'));
    connection.onreconnected(() => { set(true, 'Live'); if (onReconnected) onReconnected(); });
    connection.onclose(() => set(false, 'Not live: reload the page'));
    for (;;) {
      try {
        await connection.start();
        set(true, 'Live');
        return connection;
      } catch (e) {
        set(false, 'Not live, retrying…');
        await new Promise(r => setTimeout(r, 3000));
      }
    }
  }

  // A refused request in one line: the problem's title, then what each field got wrong.
  function problem(e) {
    const errors = e.body && e.body.errors ? Object.values(e.body.errors).flat().join(' ') : '';
    return (e.message || 'Not recorded') + (errors ? ': ' + errors : '');
  }

  // A UUIDv7 (48 bits of Unix milliseconds, then random bits) for ids made in the browser. Not
  // crypto.randomUUID: browsers offer that only to https or localhost, and handhelds open the box over plain
  // http on the warehouse network.
  function newId() {
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    let t = Date.now();
    for (let i = 5; i >= 0; i--) { b[i] = t % 256; t = Math.floor(t / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // A form that records something under an id made here: the same id is sent until an answer arrives, so a
  // double click or a retry after a lost answer records it once; an answer, done or refused, or an edit of
  // the form starts a new one. send(id) says what was recorded in `result`; a refusal is shown there.
  function recordOnce(form, result, send) {
    const button = form.querySelector('button[type="submit"]');
    let id = newId();
    let busy = false;
    form.addEventListener('input', () => { if (!busy) id = newId(); });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      button.disabled = true;
      result.className = '';
      result.textContent = 'Recording…';
      try {
        await send(id);
        id = newId();
      } catch (e) {
        result.className = 'error';
        result.textContent = problem(e);
        if (e.status) id = newId();
      } finally {
        busy = false;
        button.disabled = false;
      }
    });
  }

  window.inv = { api, esc, ago, duration, when, ageHtml, refreshAges, money, count, hub, problem, newId, recordOnce };

  // Filter forms update their lists as they change; Enter must not submit them. An inline onsubmit would say the
  // same, but the Content-Security-Policy forbids inline script.
  document.addEventListener('submit', e => {
    if (e.target instanceof HTMLFormElement && e.target.hasAttribute('data-no-submit')) e.preventDefault();
  });

  // A host that works offline names its service worker in <meta name="inventory-sw">.
  const sw = document.querySelector('meta[name="inventory-sw"]');
  if (sw && 'serviceWorker' in navigator) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register(sw.content).catch(() => { /* the UI works without it, only not offline */ });
    });
  }
})();
