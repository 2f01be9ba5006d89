// Every site at a glance: GET /api/sites/overview as cards; the hub's siteSynced and levelChanged events reload
// the figures without a page reload; ages ("2 min ago") are rewritten as they grow, and a site silent for longer
// than data-stale-after seconds is highlighted.
(function () {
  'use strict';
  const { api, esc, ageHtml, refreshAges, money, count, duration, when, hub } = window.inv;
  const list = document.getElementById('sites');
  const empty = document.getElementById('sites-empty');
  const asOf = document.getElementById('overview-asof');
  const live = document.getElementById('live-status');
  const costs = list.dataset.costs === 'true';
  const staleAfter = Number(list.dataset.staleAfter) * 1000;
  let loadVersion = 0;
  let reloadTimer = null;
  const flashed = new Set();

  function state(site) {
    if (!site.lastContactAt) return 'never';
    return Date.now() - new Date(site.lastContactAt).getTime() > staleAfter ? 'stale' : 'fresh';
  }

  function card(s) {
    const st = state(s);
    const value = costs && s.stockValue != null
      ? `<div><dt>Stock value</dt><dd class="value">${esc(money.format(s.stockValue))}</dd></div>` : '';
    const alarm = st === 'stale'
      ? `<p class="alarm">Not heard from since ${ageHtml(s.lastContactAt)}: figures may be out of date.</p>`
      : st === 'never' ? '<p class="alarm">Never connected: no figures from this site yet.</p>' : '';
    return `<li class="site ${st === 'fresh' ? '' : st}" data-site="${esc(s.code)}" aria-labelledby="site-${esc(s.code)}">
      <h2 id="site-${esc(s.code)}"><a href="/movements?siteCode=${encodeURIComponent(s.code)}">${esc(s.code)}</a> <span class="muted">${esc(s.name)}</span></h2>
      <dl class="figures">
        ${value}
        <div><dt>Units</dt><dd class="units">${esc(count.format(s.units))}</dd></div>
        <div><dt>Low</dt><dd class="low">${esc(count.format(s.low))}</dd></div>
        <div><dt>Out</dt><dd class="out">${esc(count.format(s.out))}</dd></div>
      </dl>
      <p class="fresh">Last contact ${ageHtml(s.lastContactAt)} · last push ${ageHtml(s.lastPushAt)} ·
        sync lag <span class="lag">${esc(duration(s.lagSeconds))}</span> · <span class="pending">${esc(count.format(s.pending))}</span> pending</p>
      ${alarm}
    </li>`;
  }

  async function load() {
    const version = ++loadVersion;
    try {
      const sites = await api('/api/sites/overview');
      if (version !== loadVersion) return;
      list.innerHTML = sites.map(card).join('');
      empty.hidden = sites.length > 0;
      const at = sites.length ? sites[0].asOf : new Date().toISOString();
      asOf.innerHTML = `Figures as of <time datetime="${esc(at)}">${esc(when(at))}</time>, from each site's last push.`;
      flashed.forEach(code => {
        const el = list.querySelector(`li[data-site="${CSS.escape(code)}"]`);
        if (el) { el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash'); }
      });
      flashed.clear();
      document.body.dataset.loaded = String(version);
    } catch (e) {
      if (e.status === 401) window.location.href = '/login?ReturnUrl=%2F';
      else asOf.textContent = 'Could not load the sites: ' + e.message;
    }
  }

  function scheduleReload(site) {
    if (site) flashed.add(site);
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 300);
  }

  load();
  hub('/hubs/inventory', {
    siteSynced: m => scheduleReload(m.siteCode),
    levelChanged: m => scheduleReload(m.siteCode),
  }, live, load);
  // Contacts without a push (a pull, an empty push) send no event: the figures' ages and the stale mark are
  // kept true by a reload each minute and by rewriting the ages in between.
  setInterval(load, 60000);
  setInterval(() => refreshAges(list), 15000);
})();
