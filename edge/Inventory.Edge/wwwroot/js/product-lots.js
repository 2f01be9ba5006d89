// The product page's Lots section: the product's lots at this box (GET /api/lots?productId=) with the expiry coloured.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const { expiryHtml, statusHtml } = window.invLots;
  const section = document.getElementById('lots');
  const productId = section.dataset.productId;
  const rows = document.getElementById('product-lot-rows');
  const empty = document.getElementById('product-lots-empty');

  api('/api/lots?productId=' + encodeURIComponent(productId)).then(page => {
    rows.innerHTML = page.items.map(l => `<tr data-lot-row="${esc(l.lot)}"><td>${esc(l.lot)}</td><td>${expiryHtml(l.expiry, l.status)}</td>
      <td class="num">${esc(l.quantity)}</td><td>${statusHtml(l.status)}</td><td>${esc(l.holdReason || '')}</td>
      <td><a href="/lots/trace?productId=${encodeURIComponent(productId)}&amp;lot=${encodeURIComponent(l.lot)}">Trace</a></td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }).catch(e => {
    empty.textContent = problem(e);
    empty.className = 'error';
    empty.hidden = false;
  });
})();
