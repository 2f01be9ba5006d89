// The /lots page: pick a product, list its lots at this box (GET /api/lots?productId=) and, for managers, hold a lot
// with a reason or release it (POST /api/lots/hold|release). Each lot links to its trace.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const { resolve, get, suggest } = window.invProducts;
  const { expiryHtml, statusHtml } = window.invLots;
  const form = document.getElementById('lot-product');
  const input = document.getElementById('lot-sku');
  const title = document.getElementById('lot-title');
  const rows = document.getElementById('lot-rows');
  const empty = document.getElementById('lots-empty');
  const error = document.getElementById('lot-error');
  const result = document.getElementById('lot-result');
  const canHold = document.getElementById('lots-app').dataset.hold === 'true';
  let productId = new URLSearchParams(location.search).get('productId');

  function fail(err) {
    error.textContent = err instanceof Error && !err.status && !err.body ? err.message : problem(err);
    error.hidden = false;
  }

  function action(l, i) {
    if (!canHold) return '';
    const held = l.status === 'hold';
    return `<td><form class="lot-action inline" data-lot="${esc(l.lot)}" data-action="${held ? 'release' : 'hold'}">
      <label for="lot-reason-${i}" class="sr-only">Reason for lot ${esc(l.lot)}</label>
      <input id="lot-reason-${i}" name="reason" maxlength="500" ${held ? '' : 'required'} placeholder="${held ? 'reason (optional)' : 'reason (recall, quality stop)'}">
      <button type="submit">${held ? 'Release' : 'Hold'}</button></form></td>`;
  }

  async function load() {
    error.hidden = true;
    if (!productId) { rows.innerHTML = ''; empty.hidden = true; title.hidden = true; return; }
    const [page, product] = await Promise.all([api('/api/lots?productId=' + encodeURIComponent(productId)), get(productId)]);
    title.textContent = `${product.sku} ${product.name || ''}`.trim();
    title.hidden = false;
    rows.innerHTML = page.items.map((l, i) => `<tr data-lot-row="${esc(l.lot)}"><td>${esc(l.lot)}</td>
      <td>${expiryHtml(l.expiry, l.status)}</td><td class="num">${esc(l.quantity)}</td><td>${statusHtml(l.status)}</td>
      <td>${esc(l.holdReason || '')}</td>
      <td><a href="/lots/trace?productId=${encodeURIComponent(productId)}&amp;lot=${encodeURIComponent(l.lot)}">Trace</a>
        · <a href="/lots/recall?productId=${encodeURIComponent(productId)}&amp;lot=${encodeURIComponent(l.lot)}">Recall</a></td>${action(l, i)}</tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  suggest(input, document.getElementById('lot-product-list'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    result.textContent = '';
    try {
      const product = await resolve(input.value);
      productId = product.id;
      history.replaceState(null, '', '/lots?productId=' + encodeURIComponent(productId));
      await load();
    } catch (err) { fail(err); }
  });

  rows.addEventListener('submit', async e => {
    e.preventDefault();
    const f = e.target;
    const button = f.querySelector('button');
    if (button.disabled) return;
    button.disabled = true;
    const verb = f.dataset.action;
    const reason = f.elements.reason.value.trim();
    try {
      await api('/api/lots/' + verb, { method: 'POST', json: { productId, lot: f.dataset.lot, reason: reason || null } });
      result.className = 'ok-text';
      result.textContent = verb === 'hold' ? `Lot ${f.dataset.lot} is on hold.` : `Lot ${f.dataset.lot} is released.`;
      await load();
    } catch (err) {
      button.disabled = false;
      fail(err);
    }
  });

  if (productId) {
    get(productId).then(p => { input.value = p.sku; }).catch(() => { });
  }
  load().catch(fail);
})();
