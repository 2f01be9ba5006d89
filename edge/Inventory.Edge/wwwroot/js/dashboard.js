// The dashboard: levels from GET /api/inventory, product matches from the catalog search, live updates from
// the hub's levelChanged events (rows change in place; a level not on screen yet reloads the table).
(function () {
  'use strict';
  const { api, esc } = window.inv;
  const rows = document.getElementById('level-rows');
  const empty = document.getElementById('levels-empty');
  const live = document.getElementById('live-status');
  const location = document.getElementById('filter-location');
  const category = document.getElementById('filter-category');
  const search = document.getElementById('filter-q');
  const matches = document.getElementById('matches');
  const matchList = document.getElementById('match-list');
  let lastSeq = 0;
  let loadVersion = 0;
  let reloadTimer = null;

  function query() {
    const p = new URLSearchParams({ limit: '200' });
    if (location.value) p.set('locationId', location.value);
    if (category.value) p.set('categoryId', category.value);
    if (search.value.trim()) p.set('q', search.value.trim());
    return p;
  }

  function badge(status) {
    return `<span class="badge st-${esc(status)}">${esc(status)}</span>`;
  }

  function rowHtml(l) {
    return `<tr data-product="${esc(l.productId)}" data-location="${esc(l.locationId)}">
      <td><a href="/products/${esc(l.productId)}">${esc(l.sku)}</a></td><td>${esc(l.name)}</td><td>${esc(l.locationCode)}</td>
      <td class="num qty">${esc(l.quantity)}</td><td class="num avail">${esc(l.available)}</td><td class="status">${badge(l.status)}</td></tr>`;
  }

  async function load() {
    const version = ++loadVersion;
    const q = search.value.trim();
    try {
      const [levels, products] = await Promise.all([
        api('/api/inventory?' + query()),
        q ? api('/api/products?' + new URLSearchParams({ q, limit: '8' })) : Promise.resolve(null),
      ]);
      if (version !== loadVersion) return; // a newer keystroke won
      rows.innerHTML = levels.items.map(rowHtml).join('');
      empty.hidden = levels.items.length > 0;
      matches.hidden = !products || products.items.length === 0;
      matchList.innerHTML = products ? products.items.map(p =>
        `<li><a href="/products/${esc(p.id)}">${esc(p.sku)} · ${esc(p.name)}</a></li>`).join('') : '';
    } catch (e) {
      if (e.status === 401) window.location.href = '/login?ReturnUrl=%2F';
      else live.textContent = 'Could not load levels: ' + e.message;
    }
  }

  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 250);
  }

  function apply(change) {
    lastSeq = Math.max(lastSeq, change.seq || 0);
    if (location.value && change.locationId !== location.value) return;
    const row = rows.querySelector(`tr[data-product="${CSS.escape(change.productId)}"][data-location="${CSS.escape(change.locationId)}"]`);
    if (!row) {
      scheduleReload();
      return;
    }
    row.querySelector('.qty').textContent = change.quantity;
    row.querySelector('.avail').textContent = change.available;
    row.querySelector('.status').innerHTML = badge(change.status);
    row.classList.remove('flash');
    void row.offsetWidth; // restart the highlight
    row.classList.add('flash');
  }

  function setLive(on, text) {
    live.classList.toggle('on', on);
    live.textContent = text;
  }

  async function connect() {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/inventory')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(30000, 1000 * (ctx.previousRetryCount + 1)) })
      .build();
    connection.on('levelChanged', apply);
    connection.onreconnecting(() => setLive(false, 'Reconnecting…'));
    connection.onreconnected(async () => {
      setLive(true, 'Live');
      // What moved while we were away comes from the ledger, not from missed messages.
      const since = await connection.invoke('ChangesSince', lastSeq);
      if (since.resync) load(); else since.levels.forEach(apply);
      lastSeq = Math.max(lastSeq, since.latestSeq);
    });
    connection.onclose(() => { setLive(false, 'Not live: reload the page'); });
    for (;;) {
      try {
        await connection.start();
        setLive(true, 'Live');
        document.body.dataset.live = 'on';
        return;
      } catch (e) {
        setLive(false, 'Not live, retrying…');
        await new Promise(r => setTimeout(r, 3000));
      }
    }
  }

  let typing = null;
  search.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(load, 200); });
  location.addEventListener('change', load);
  category.addEventListener('change', load);
  load();
  connect();
})();
