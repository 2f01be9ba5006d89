// Reorder alerts from GET /api/alerts; acknowledging is offered only to roles that may.
(function () {
  'use strict';
  const { api, esc } = window.inv;
  const app = document.getElementById('alerts-app');
  const canAck = app.dataset.canAck === 'true';
  const rows = document.getElementById('alert-rows');
  const empty = document.getElementById('alerts-empty');
  const status = document.getElementById('alert-status');

  async function load() {
    const p = new URLSearchParams({ limit: '200' });
    if (status.value) p.set('status', status.value);
    const page = await api('/api/alerts?' + p);
    rows.innerHTML = page.items.map(a => `<tr data-alert="${esc(a.id)}">
      <td>${esc(new Date(a.openedAt).toLocaleString())}</td>
      <td><a href="/products/${esc(a.productId)}">${esc(a.sku)}</a></td><td>${esc(a.name)}</td><td>${esc(a.locationCode)}</td>
      <td class="num">${esc(a.availableAtClose ?? a.availableAtOpen)}</td><td class="num">${esc(a.reorderPoint)}</td>
      <td>${esc(a.status)}${a.acknowledgedAt ? ' · acknowledged' : ''}</td>
      <td>${canAck && !a.acknowledgedAt ? '<button type="button" data-ack>Acknowledge</button>' : ''}</td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  rows.addEventListener('click', async event => {
    const button = event.target.closest('button[data-ack]');
    if (!button) return;
    const id = button.closest('tr').dataset.alert;
    button.disabled = true;
    await api(`/api/alerts/${id}/acknowledge`, { method: 'POST' });
    await load();
  });
  status.addEventListener('change', load);
  load();
})();
