// The cloud's /lots/recall page: a product (SKU) and a lot; its status and, for managers, hold or release
// (POST /api/lots/hold|release); its trace across every site (GET /api/lots/trace): receipts, shipments with the
// customer when there is one, transfers between sites, on hand per site (and location and bin), scrapped; CSV and PDF.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const form = document.getElementById('recall-pick');
  const skuInput = document.getElementById('recall-sku');
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
    error.textContent = typeof err === 'string' ? err : err instanceof Error && !err.status && !err.body ? err.message : problem(err);
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

  function perSite(onHand) {
    const sites = new Map();
    onHand.forEach(h => sites.set(h.siteCode, (sites.get(h.siteCode) || 0) + h.quantity));
    return [...sites.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  function render(t) {
    const sites = perSite(t.onHand);
    traceApp.innerHTML = [
      table('per-site', 'On hand per site', [['Site'], ['Quantity', true]], sites.map(([s, q]) => [esc(s), esc(q)]),
        `<tfoot><tr><th scope="row">Total</th><td class="num">${esc(sites.reduce((n, [, q]) => n + q, 0))}</td></tr></tfoot>`),
      table('receipts', 'Receipts', [['At'], ['Site'], ['Location'], ['Bin'], ['Quantity', true], ['Reference'], ['PO'], ['Supplier']],
        t.receipts.map(r => [when(r.at), esc(r.siteCode), esc(r.locationCode || ''), esc(r.bin), esc(r.quantity), ref(r.referenceType, r.referenceId),
          esc(r.purchaseOrderNumber || ''), esc([r.supplierCode, r.supplierName].filter(Boolean).join(' · '))])),
      table('shipments', 'Shipments', [['At'], ['Type'], ['Site'], ['Location'], ['Bin'], ['Quantity', true], ['Reference'], ['Customer']],
        t.shipments.map(s => [when(s.at), esc(s.type), esc(s.siteCode), esc(s.locationCode || ''), esc(s.bin), esc(s.quantity),
          ref(s.referenceType, s.referenceId), esc(s.customerName || '')])),
      table('transfers', 'Transfers', [['At'], ['From'], ['To'], ['Out', true], ['In', true], ['Received']],
        t.transfers.map(x => [when(x.at), place(x.fromSite, x.fromLocationCode), place(x.toSite, x.toLocationCode),
          esc(x.quantityOut ?? ''), esc(x.quantityIn ?? ''), when(x.receivedAt)])),
      table('on-hand', 'On hand by location', [['Site'], ['Location'], ['Bin'], ['Quantity', true]],
        t.onHand.map(h => [esc(h.siteCode), esc(h.locationCode || ''), esc(h.bin), esc(h.quantity)])),
      table('scrapped', 'Scrapped', [['At'], ['Site'], ['Location'], ['Bin'], ['Quantity', true], ['Reason']],
        t.scrapped.map(s => [when(s.at), esc(s.siteCode), esc(s.locationCode || ''), esc(s.bin), esc(s.quantity), esc(s.reason)])),
    ].join('');
  }

  async function load() {
    error.hidden = true;
    if (!productId || !lot) { app.hidden = true; return; }
    const params = new URLSearchParams({ productId, lot });
    const [product, lots] = await Promise.all([api('/api/products/' + encodeURIComponent(productId)),
      api('/api/lots?productId=' + encodeURIComponent(productId))]);
    const view = lots.items.find(l => l.lot === lot);
    let trace = null;
    try {
      trace = await api('/api/lots/trace?' + params);
    } catch (e) {
      if (e.status !== 404 || !view) throw e;
    }
    if (!view && !trace) throw new Error(`Lot ${lot} of ${product.sku} is unknown at every site.`);
    const status = view ? view.status : trace.status;
    document.getElementById('recall-title').textContent = `${product.sku} ${product.name || ''} · lot ${lot}`;
    document.getElementById('recall-expiry').textContent = (view ? view.expiry : trace.expiry) || 'none';
    document.getElementById('recall-status').innerHTML = `<span class="status-${esc(status)}">${esc(status)}</span>`;
    document.getElementById('recall-reason').textContent = (view && view.holdReason) || '—';
    document.getElementById('recall-csv').href = '/api/lots/trace?' + params + '&format=csv';
    document.getElementById('recall-pdf').href = '/api/lots/trace?' + params + '&format=pdf';
    if (holdForm) {
      const held = status === 'hold';
      holdForm.dataset.action = held ? 'release' : 'hold';
      holdForm.elements.reason.required = !held;
      holdForm.elements.reason.placeholder = held ? 'reason (optional)' : 'reason (recall, quality stop)';
      const button = document.getElementById('recall-hold-button');
      button.textContent = held ? 'Release' : 'Hold';
      button.disabled = false;
    }
    if (trace) render(trace); else traceApp.innerHTML = '<p class="muted">No movement of this lot at any site.</p>';
    app.hidden = false;
  }

  async function findProduct(wanted) {
    const found = await api('/api/products?q=' + encodeURIComponent(wanted) + '&limit=50');
    return found.items.find(p => p.sku.toLowerCase() === wanted.toLowerCase()) || (found.items.length === 1 ? found.items[0] : null);
  }

  async function fillLots(id) {
    try {
      const lots = await api('/api/lots?productId=' + encodeURIComponent(id));
      lotList.innerHTML = lots.items.map(l => `<option value="${esc(l.lot)}">${esc(l.status)}${l.expiry ? ' · ' + esc(l.expiry) : ''}</option>`).join('');
    } catch (e) { /* the list is a convenience */ }
  }

  skuInput.addEventListener('change', async () => {
    const match = await findProduct(skuInput.value.trim()).catch(() => null);
    if (match) fillLots(match.id);
  });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    result.textContent = '';
    try {
      const wanted = skuInput.value.trim();
      const match = await findProduct(wanted);
      if (!match) { fail('No product with SKU ' + wanted + '.'); return; }
      productId = match.id;
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
        result.textContent = verb === 'hold' ? `Lot ${lot} is on hold.` : `Lot ${lot} is released.`;
        await load();
      } catch (err) {
        button.disabled = false;
        fail(err);
      }
    });
  }

  if (productId) {
    api('/api/products/' + encodeURIComponent(productId)).then(p => { skuInput.value = p.sku; }).catch(() => { });
    fillLots(productId);
    if (lot) lotInput.value = lot;
  }
  load().catch(fail);
})();
