// The box's replication at a glance (GET /api/sync/status) and what it refused from the cloud (GET /api/sync/conflicts).
(function () {
  'use strict';
  const { api, esc, ago } = window.inv;
  const status = document.getElementById('sync-status');
  const rows = document.getElementById('conflict-rows');
  const empty = document.getElementById('conflicts-empty');

  function fact(term, value) {
    return `<dt>${esc(term)}</dt><dd>${esc(value)}</dd>`;
  }

  async function loadStatus() {
    const s = await api('/api/sync/status');
    status.innerHTML = !s.enabled
      ? fact('Cloud', 'not connected (this box runs standalone)')
      : fact('Cloud', s.cloudUrl) + fact('Last push', ago(s.lastPushAt)) + fact('Last pull', ago(s.lastPullAt))
        + fact('Waiting to go up', `${s.pendingChanges} changes`) + fact('Last error', s.lastError || 'none')
        + fact('Quarantined by the cloud', `${s.quarantined.count} movements`);
  }

  function what(c) {
    const d = c.data || {};
    return d.sku ? `${d.sku} — ${d.name || ''}` : c.entityId;
  }

  async function loadConflicts() {
    const list = await api('/api/sync/conflicts');
    rows.innerHTML = list.items.map(c => `<tr data-conflict="${esc(c.id)}">
      <td>${esc(new Date(c.detectedAt).toLocaleString())}</td><td>${esc(c.kind)}</td>
      <td>${esc(what(c))}</td><td>${esc(c.reason)}</td></tr>`).join('');
    empty.hidden = list.items.length > 0;
  }

  loadStatus();
  loadConflicts();
})();
