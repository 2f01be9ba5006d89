// The transfer form (POST /api/inventory/transfer with an id made here) and the list of transfers between
// sites (GET /api/transfers); an incoming one in transit is received with what arrived, and the answer's
// variance is shown.
(function () {
  'use strict';
  const { api, esc, problem, newId, recordOnce } = window.inv;
  const { resolve, get, suggest } = window.invProducts;
  const app = document.getElementById('transfers-app');
  const site = app.dataset.site;
  const locations = JSON.parse(app.dataset.locations || '{}');
  const canTransfer = app.dataset.canTransfer === 'true';
  const rows = document.getElementById('transfer-rows');
  const empty = document.getElementById('transfers-empty');
  const status = document.getElementById('tr-status');
  const receiveResult = document.getElementById('receive-result');
  const where = (id, siteCode) => locations[id] || (siteCode + '/' + id.slice(0, 8));
  const receiveIds = new Map();

  async function load() {
    const p = new URLSearchParams();
    if (status.value) p.set('status', status.value);
    const page = await api('/api/transfers?' + p);
    const html = await Promise.all(page.items.map(async t => {
      const product = await get(t.productId);
      const receivable = canTransfer && t.direction === 'incoming' && t.status === 'in_transit';
      return `<tr data-transfer="${esc(t.id)}" data-direction="${esc(t.direction)}">
        <td>${esc(new Date(t.shippedAt).toLocaleString())}</td><td>${esc(t.direction)}</td>
        <td><a href="/products/${esc(t.productId)}">${esc(product.sku)}</a></td>
        <td>${esc(where(t.fromLocationId, t.fromSite))}</td><td>${esc(where(t.toLocationId, t.toSite))}</td>
        <td class="num">${esc(t.quantityShipped)}</td><td class="num">${esc(t.quantityReceived ?? '')}</td>
        <td class="num variance">${t.variance == null ? '' : esc(t.variance > 0 ? '+' + t.variance : t.variance)}</td>
        <td>${esc(t.status.replace('_', ' '))}</td>
        <td>${receivable ? `<form class="receive" data-shipped="${esc(t.quantityShipped)}">
          <label for="rq-${esc(t.id)}" class="sr-only">Quantity arrived</label>
          <input id="rq-${esc(t.id)}" name="quantity" type="number" min="0" step="1" value="${esc(t.quantityShipped)}" required>
          <button type="submit">Receive</button></form>` : ''}</td></tr>`;
    }));
    rows.innerHTML = html.join('');
    empty.hidden = page.items.length > 0;
  }

  rows.addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const transfer = form.closest('tr').dataset.transfer;
    const button = form.querySelector('button');
    if (button.disabled) return;
    button.disabled = true;
    // One id per transfer while unanswered: a retry after a lost answer replays instead of failing.
    if (!receiveIds.has(transfer)) receiveIds.set(transfer, newId());
    const quantity = Number(form.elements.quantity.value);
    try {
      await api(`/api/transfers/${transfer}/receive`, { method: 'POST', json: { id: receiveIds.get(transfer), quantity } });
      const variance = quantity - Number(form.dataset.shipped);
      receiveResult.className = variance === 0 ? 'ok-text' : 'warn';
      receiveResult.textContent = `Received ${quantity} of ${form.dataset.shipped} shipped: variance ${variance > 0 ? '+' + variance : variance}.`;
      await load();
    } catch (e) {
      if (e.status) receiveIds.delete(transfer);
      receiveResult.className = 'error';
      receiveResult.textContent = problem(e);
      button.disabled = false;
    }
  });

  const form = document.getElementById('transfer-form');
  if (form) {
    const result = document.getElementById('transfer-result');
    suggest(form.elements.product, document.getElementById('tr-product-list'));
    recordOnce(form, result, async id => {
      const product = await resolve(form.elements.product.value);
      const to = form.elements.to.selectedOptions[0];
      const quantity = Number(form.elements.quantity.value);
      await api('/api/inventory/transfer', {
        method: 'POST',
        json: {
          id, productId: product.id, fromLocationId: form.elements.from.value, toLocationId: to.value, quantity,
          note: form.elements.note.value.trim() || null,
        },
      });
      result.className = 'ok-text';
      result.textContent = to.dataset.site === site
        ? `Moved ${quantity} ${product.sku} to ${to.textContent}.`
        : `Shipped ${quantity} ${product.sku} to ${to.textContent}: in transit until site ${to.dataset.site} receives it.`;
      await load();
    });
  }

  status.addEventListener('change', load);
  load();
})();
