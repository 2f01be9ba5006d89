// Purchase orders: the list with its status filter (GET /api/purchase-orders; the status is derived from what
// was received) and, for purchasing, the form that makes a draft (POST /api/purchase-orders). A line left
// without a unit price takes the supplier's price for that quantity.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const app = document.getElementById('pos-app');
  const site = app.dataset.site;
  const canSeePrices = app.dataset.canSeePrices === 'true';
  const rows = document.getElementById('po-rows');
  const empty = document.getElementById('pos-empty');
  const status = document.getElementById('po-status');
  const suppliers = new Map();

  async function load() {
    const p = new URLSearchParams({ limit: '200' });
    if (status.value) p.set('status', status.value);
    const page = await api('/api/purchase-orders?' + p);
    rows.innerHTML = page.items.map(o => `<tr>
      <td><a href="/purchase-orders/${esc(o.id)}">${esc(o.number)}</a></td><td>${esc(o.supplierCode || '')} ${esc(o.supplierName || '')}</td>
      <td>${esc(o.status)}${o.needsAttention ? ' ⚠' : ''}</td><td>${esc(o.expectedDate || '')}</td><td class="num">${esc(o.lines.length)}</td>
      ${canSeePrices ? `<td class="num">${esc(o.currency)} ${esc(Number(o.totalAmount).toFixed(2))}</td>` : ''}
      <td>${esc(new Date(o.createdAt).toLocaleString())}</td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  const form = document.getElementById('po-form');
  if (form) {
    const result = document.getElementById('po-result');
    const lines = document.getElementById('po-lines');
    const list = document.getElementById('po-product-list');
    let n = 0;

    function addLine() {
      n++;
      const tr = document.createElement('tr');
      tr.innerHTML = `<td><label for="pl-product-${n}" class="sr-only">Product</label><input id="pl-product-${n}" name="lineProduct" list="po-product-list" placeholder="SKU, name or barcode" autocomplete="off" required></td>
        <td><label for="pl-qty-${n}" class="sr-only">Quantity</label><input id="pl-qty-${n}" name="lineQuantity" type="number" min="1" step="1" required inputmode="numeric"></td>
        <td><label for="pl-price-${n}" class="sr-only">Unit price</label><input id="pl-price-${n}" name="linePrice" type="number" min="0" step="0.0001"></td>
        <td><button type="button" data-remove>Remove</button></td>`;
      lines.appendChild(tr);
      window.invProducts.suggest(tr.querySelector('[name=lineProduct]'), list);
    }

    lines.addEventListener('click', event => {
      if (event.target.closest('[data-remove]') && lines.rows.length > 1) event.target.closest('tr').remove();
    });
    document.getElementById('po-add-line').addEventListener('click', addLine);

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = form.elements;
      try {
        const body = [];
        for (const tr of lines.rows) {
          const product = await window.invProducts.resolve(tr.querySelector('[name=lineProduct]').value);
          const price = tr.querySelector('[name=linePrice]').value;
          body.push({ productId: product.id, quantity: Number(tr.querySelector('[name=lineQuantity]').value), unitPrice: price === '' ? null : Number(price) });
        }
        const po = await api('/api/purchase-orders', {
          method: 'POST',
          json: {
            supplierId: f.supplierId.value, locationId: f.locationId.value, expectedDate: f.expectedDate.value || null,
            notes: f.notes.value.trim() || null, lines: body,
          },
        });
        result.className = 'ok-text';
        result.innerHTML = `Draft <a href="/purchase-orders/${esc(po.id)}">${esc(po.number)}</a> created.`;
        lines.innerHTML = '';
        addLine();
        await load();
      } catch (e) {
        result.className = 'error';
        result.textContent = problem(e);
      }
    });

    (async () => {
      const [supplierPage, locations] = await Promise.all([api('/api/suppliers?active=true&limit=500'), api('/api/locations')]);
      supplierPage.items.forEach(s => suppliers.set(s.id, s));
      form.elements.supplierId.innerHTML = supplierPage.items.map(s => `<option value="${esc(s.id)}">${esc(s.code)} · ${esc(s.name)}</option>`).join('');
      form.elements.locationId.innerHTML = locations.filter(l => l.siteCode === site)
        .map(l => `<option value="${esc(l.id)}">${esc(l.code)} · ${esc(l.name)}</option>`).join('');
    })();
    addLine();
  }

  status.addEventListener('change', load);
  load();
})();
