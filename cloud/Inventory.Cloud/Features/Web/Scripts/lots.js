// The lots of one product (GET /api/lots?productId=) and, for managers, hold and release (POST /api/lots/hold|release).
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const form = document.getElementById('lot-product');
  const sku = document.getElementById('lot-sku');
  const rows = document.getElementById('lot-rows');
  const empty = document.getElementById('lots-empty');
  const error = document.getElementById('lot-error');
  const canHold = document.getElementById('lots-wrap').dataset.hold === 'true';
  let productId = new URLSearchParams(location.search).get('productId');

  function fail(err) {
    error.textContent = typeof err === 'string' ? err : problem(err);
    error.hidden = false;
  }

  function action(l) {
    if (!canHold) return '';
    const held = l.status === 'hold';
    return `<td><button type="button" data-lot="${esc(l.lot)}" data-action="${held ? 'release' : 'hold'}">${held ? 'Release' : 'Hold'}</button></td>`;
  }

  async function load() {
    error.hidden = true;
    if (!productId) { rows.innerHTML = ''; empty.hidden = true; return; }
    const page = await api('/api/lots?productId=' + encodeURIComponent(productId));
    rows.innerHTML = page.items.map(l => `<tr data-lot-row="${esc(l.lot)}"><td>${esc(l.lot)}</td><td>${esc(l.expiry || '')}</td>
      <td><span class="status-${esc(l.status)}">${esc(l.status)}</span></td><td>${esc(l.holdReason || '')}</td>
      <td class="num">${esc(l.quantity)}</td><td>${l.sites.map(s => `${esc(s.siteCode)}: ${esc(s.quantity)}`).join(', ')}</td>
      <td><a href="/lots/recall?productId=${encodeURIComponent(productId)}&amp;lot=${encodeURIComponent(l.lot)}">Recall</a></td>${action(l)}</tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    try {
      const wanted = sku.value.trim();
      const found = await api('/api/products?q=' + encodeURIComponent(wanted) + '&limit=50');
      const match = found.items.find(p => p.sku.toLowerCase() === wanted.toLowerCase()) || (found.items.length === 1 ? found.items[0] : null);
      if (!match) { fail('No product with SKU ' + wanted + '.'); return; }
      productId = match.id;
      history.replaceState(null, '', '/lots?productId=' + encodeURIComponent(productId));
      await load();
    } catch (err) { fail(err); }
  });

  rows.addEventListener('click', async e => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const verb = button.dataset.action;
    const reason = window.prompt(verb === 'hold' ? 'Why is lot ' + button.dataset.lot + ' held (recall, quality stop)?' : 'Why is lot ' + button.dataset.lot + ' released?');
    if (reason === null) return;
    try {
      await api('/api/lots/' + verb, { method: 'POST', json: { productId, lot: button.dataset.lot, reason } });
      await load();
    } catch (err) { fail(err); }
  });

  load().catch(fail);
})();
