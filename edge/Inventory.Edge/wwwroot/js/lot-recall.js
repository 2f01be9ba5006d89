// The /lots/recall page: pick a product and a lot, see its status and, for managers, hold or release it
// (POST /api/lots/hold|release); then its trace at this box (GET /api/lots/trace): receipts, shipments with the
// customer when there is one, transfers, on hand per location and bin, scrapped; with the CSV and PDF of the trace.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const { resolve, get, suggest } = window.invProducts;
  const { expiryHtml, statusHtml } = window.invLots;
  const form = document.getElementById('recall-pick');
  const productInput = document.getElementById('recall-product');
  const lotInput = document.getElementById('recall-lot');
  const lotList = document.getElementById('recall-lot-list');
  const error = document.getElementById('recall-error');
  const app = document.getElementById('recall-app');
  const traceApp = document.getElementById('recall-trace-app');
  const result = document.getElementById('recall-result');
  const holdForm = document.getElementById('recall-hold');
  const query = new URLSearchParams(location.search);
  let productId = query.get('productId');
  let lot = query.get('lot');

  function fail(err) {
    error.textContent = err instanceof Error && !err.status && !err.body ? err.message : problem(err);
    error.hidden = false;
  }

  const when = at => (at ? esc(String(at).replace('T', ' ').slice(0, 16)) : '');
  const place = (site, code) => esc([site, code].filter(Boolean).join(' '));
  const ref = (type, id) => esc([type, id].filter(Boolean).join(' '));

  function table(id, label, headers, rows, foot) {
    const body = rows.length === 0
      ? '<p class="muted">None.</p>'
      : `<div class="table-wrap"><table id="recall-${id}"><caption class="sr-only">${esc(label)}</caption>
          <thead><tr>${headers.map(([h, num]) => `<th scope="col"${num ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>
          <tbody>${rows.map(r => `<tr>${r.map((c, i) => `<td${headers[i][1] ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('')}</tbody>
          ${foot || ''}</table></div>`;
    return `<section aria-labelledby="recall-${id}-title"><h2 id="recall-${id}-title">${esc(label)} <span class="muted">(${rows.length})</span></h2>${body}</section>`;
  }

  function render(t) {
    const onHand = t.onHand.reduce((n, h) => n + h.quantity, 0);
    document.getElementById('recall-total').textContent = String(onHand);
    traceApp.innerHTML = [
      table('receipts', 'Receipts', [['At'], ['Location'], ['Bin'], ['Quantity', true], ['Reference'], ['PO'], ['Supplier']],
        t.receipts.map(r => [when(r.at), esc(r.locationCode || ''), esc(r.bin), esc(r.quantity), ref(r.referenceType, r.referenceId),
          esc(r.purchaseOrderNumber || ''), esc([r.supplierCode, r.supplierName].filter(Boolean).join(' · '))])),
      table('shipments', 'Shipments', [['At'], ['Type'], ['Location'], ['Bin'], ['Quantity', true], ['Reference'], ['Customer']],
        t.shipments.map(s => [when(s.at), esc(s.type), esc(s.locationCode || ''), esc(s.bin), esc(s.quantity),
          ref(s.referenceType, s.referenceId), esc(s.customerName || '')])),
      table('transfers', 'Transfers', [['At'], ['From'], ['To'], ['Out', true], ['In', true], ['Received']],
        t.transfers.map(x => [when(x.at), place(x.fromSite, x.fromLocationCode), place(x.toSite, x.toLocationCode),
          esc(x.quantityOut ?? ''), esc(x.quantityIn ?? ''), when(x.receivedAt)])),
      table('on-hand', 'On hand', [['Location'], ['Bin'], ['Quantity', true]],
        t.onHand.map(h => [esc(h.locationCode || ''), esc(h.bin), esc(h.quantity)]),
        `<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">${esc(onHand)}</td></tr></tfoot>`),
      table('scrapped', 'Scrapped', [['At'], ['Location'], ['Bin'], ['Quantity', true], ['Reason']],
        t.scrapped.map(s => [when(s.at), esc(s.locationCode || ''), esc(s.bin), esc(s.quantity), esc(s.reason)])),
    ].join('');
  }

  async function load() {
    error.hidden = true;
    if (!productId || !lot) { app.hidden = true; return; }
    const params = new URLSearchParams({ productId, lot });
    const [product, lots] = await Promise.all([get(productId), api('/api/lots?productId=' + encodeURIComponent(productId))]);
    const view = lots.items.find(l => l.lot === lot);
    let trace = null;
    try {
      trace = await api('/api/lots/trace?' + params);
    } catch (e) {
      if (e.status !== 404 || !view) throw e;
    }
    if (!view && !trace) throw new Error(`Lot ${lot} of ${product.sku} is unknown at this box.`);
    const status = view ? view.status : trace.status;
    document.getElementById('recall-title').textContent = `${product.sku} ${product.name || ''} · lot ${lot}`;
    document.getElementById('recall-expiry').innerHTML = expiryHtml(view ? view.expiry : trace.expiry, status);
    document.getElementById('recall-status').innerHTML = statusHtml(status);
    document.getElementById('recall-reason').textContent = (view && view.holdReason) || '—';
    document.getElementById('recall-csv').href = '/api/lots/trace?' + params + '&format=csv';
    document.getElementById('recall-pdf').href = '/api/lots/trace?' + params + '&format=pdf';
    document.getElementById('recall-trace').href = '/lots/trace?' + params;
    if (holdForm) {
      const held = status === 'hold';
      holdForm.dataset.action = held ? 'release' : 'hold';
      holdForm.elements.reason.required = !held;
      holdForm.elements.reason.placeholder = held ? 'reason (optional)' : 'reason (recall, quality stop)';
      const button = document.getElementById('recall-hold-button');
      button.textContent = held ? 'Release' : 'Hold';
      button.disabled = false;
    }
    if (trace) render(trace); else traceApp.innerHTML = '<p class="muted">No movement of this lot at this box.</p>';
    app.hidden = false;
  }

  async function fillLots() {
    try {
      const product = await resolve(productInput.value);
      const lots = await api('/api/lots?productId=' + encodeURIComponent(product.id));
      lotList.innerHTML = lots.items.map(l => `<option value="${esc(l.lot)}">${esc(l.status)}${l.expiry ? ' · ' + esc(l.expiry) : ''}</option>`).join('');
    } catch (e) { /* the list is a convenience; Show says what is wrong */ }
  }

  suggest(productInput, document.getElementById('recall-product-list'));
  productInput.addEventListener('change', fillLots);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    result.textContent = '';
    try {
      const product = await resolve(productInput.value);
      productId = product.id;
      lot = lotInput.value.trim();
      history.replaceState(null, '', '/lots/recall?' + new URLSearchParams({ productId, lot }));
      await load();
    } catch (err) { app.hidden = true; fail(err); }
  });

  if (holdForm) {
    holdForm.addEventListener('submit', async e => {
      e.preventDefault();
      const button = document.getElementById('recall-hold-button');
      if (button.disabled) return;
      button.disabled = true;
      const verb = holdForm.dataset.action;
      const reason = holdForm.elements.reason.value.trim();
      try {
        await api('/api/lots/' + verb, { method: 'POST', json: { productId, lot, reason: reason || null } });
        holdForm.elements.reason.value = '';
        result.className = 'ok-text';
        result.textContent = verb === 'hold' ? `Lot ${lot} is on hold.` : `Lot ${lot} is released.`;
        await load();
      } catch (err) {
        button.disabled = false;
        fail(err);
      }
    });
  }

  if (productId) {
    get(productId).then(p => { productInput.value = p.sku; fillLots(); }).catch(() => { });
    if (lot) lotInput.value = lot;
  }
  load().catch(fail);
})();
