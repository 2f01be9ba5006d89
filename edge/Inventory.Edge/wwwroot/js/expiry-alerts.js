// Open expiry alerts from GET /api/alerts?type=expiry, reloaded live when /hubs/inventory says one opened or closed.
(function () {
  'use strict';
  const { api, esc } = window.inv;
  const app = document.getElementById('expiry-alerts-app');
  const canAck = app.dataset.canAck === 'true';
  const rows = document.getElementById('expiry-alert-rows');
  const empty = document.getElementById('expiry-alerts-empty');
  const live = document.getElementById('expiry-live');

  async function load() {
    const page = await api('/api/alerts?' + new URLSearchParams({ type: 'expiry', status: 'open', limit: '200' }));
    rows.innerHTML = page.items.map(a => `<tr data-alert="${esc(a.id)}" class="${a.kind === 'expired' ? 'expired' : ''}">
      <td>${esc(new Date(a.openedAt).toLocaleString())}</td>
      <td><a href="/products/${esc(a.productId)}">${esc(a.sku)}</a></td><td>${esc(a.name)}</td><td>${esc(a.locationCode)}</td>
      <td>${esc(a.lot)}</td><td>${esc(a.expiry)}</td><td class="num">${esc(a.daysLeft)}</td><td class="num">${esc(a.quantityAtOpen)}</td>
      <td>${esc(a.kind)}${a.acknowledgedAt ? ' · acknowledged' : ''}</td>
      <td>${canAck && !a.acknowledgedAt ? '<button type="button" data-ack>Acknowledge</button>' : ''}</td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  rows.addEventListener('click', async event => {
    const button = event.target.closest('button[data-ack]');
    if (!button) return;
    button.disabled = true;
    await api(`/api/alerts/${button.closest('tr').dataset.alert}/acknowledge`, { method: 'POST' });
    await load();
  });

  async function connect() {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/inventory')
      .withAutomaticReconnect()
      .build();
    connection.on('alert', a => { if (a.type === 'expiry') load(); });
    connection.onreconnecting(() => { live.textContent = 'Reconnecting…'; });
    // Whatever opened while away is in the list: reload it.
    connection.onreconnected(() => { live.textContent = 'Live'; load(); });
    connection.onclose(() => { live.textContent = 'Not live: reload the page'; });
    try {
      await connection.start();
      live.textContent = 'Live';
    } catch (e) {
      live.textContent = 'Not live: reload the page';
    }
  }

  load();
  connect();
})();
