// Managers read what replication could not settle alone: GET /api/sync/conflicts and /api/sync/quarantine.
(function () {
  'use strict';
  const { api, esc, ageHtml } = window.inv;
  const error = document.getElementById('sync-error');

  function parsed(json) {
    try { return JSON.parse(json); } catch { return {}; }
  }

  // A line a person recognises the row by: SKU and name, a code, a username.
  function describe(data) {
    const parts = [data.sku, data.name, data.code, data.username].filter(Boolean);
    return parts.length ? parts.join(' · ') : JSON.stringify(data).slice(0, 120);
  }

  function subject(c) {
    const label = `${esc(c.kind)} ${esc(c.entityId.slice(0, 8))}`;
    return c.kind === 'product' ? `<a href="/products/${esc(c.entityId)}">${label}</a>` : label;
  }

  async function loadConflicts() {
    const { items } = await api('/api/sync/conflicts');
    document.getElementById('no-conflicts').hidden = items.length > 0;
    document.getElementById('conflict-rows').innerHTML = items.map(c => `<tr data-entity="${esc(c.entityId)}">
      <td>${ageHtml(c.detectedAt)}</td><td>${subject(c)}</td><td>${esc(c.winnerSite || 'cloud')}</td>
      <td>${esc(c.loserSite || 'cloud')}</td><td class="losing">${esc(describe(parsed(c.loserData)))}</td></tr>`).join('');
  }

  async function loadQuarantine() {
    const { items } = await api('/api/sync/quarantine');
    document.getElementById('no-quarantine').hidden = items.length > 0;
    document.getElementById('quarantine-rows').innerHTML = items.map(q => {
      const m = parsed(q.received);
      return `<tr data-movement="${esc(q.movementId)}"><td>${ageHtml(q.detectedAt)}</td><td>${esc(q.siteCode)}</td>
        <td><code class="inline">${esc(q.movementId)}</code></td><td>${esc(m.type || '')} ${esc(m.quantity ?? '')}</td>
        <td>${esc(q.reason)}</td></tr>`;
    }).join('');
  }

  Promise.all([loadConflicts(), loadQuarantine()]).catch(err => { error.textContent = err.message; error.hidden = false; });
})();
