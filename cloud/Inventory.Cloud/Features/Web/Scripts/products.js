// The catalog search: GET /api/products?q= as you type (cost prices only for roles that see them: the API
// leaves them out for the others, and the page has no column for them).
(function () {
  'use strict';
  const { api, esc, money } = window.inv;
  const form = document.getElementById('product-search');
  const q = document.getElementById('q');
  const rows = document.getElementById('product-rows');
  const empty = document.getElementById('products-empty');
  const costs = document.getElementById('products').dataset.costs === 'true';
  let version = 0;
  let typing = null;

  function price(v) { return v == null ? '—' : money.format(v); }

  async function load() {
    const mine = ++version;
    const p = new URLSearchParams({ limit: '100' });
    if (q.value.trim()) p.set('q', q.value.trim());
    try {
      const page = await api('/api/products?' + p);
      if (mine !== version) return;
      rows.innerHTML = page.items.map(x => `<tr data-product="${esc(x.id)}">
        <td><a href="/products/${esc(x.id)}">${esc(x.sku)}</a></td><td>${esc(x.name)}</td><td>${esc(x.unit)}</td>
        ${costs ? `<td class="num cost">${esc(price(x.costPrice))}</td>` : ''}
        <td class="num">${esc(price(x.sellingPrice))}</td><td>${x.isActive ? 'yes' : 'no'}</td></tr>`).join('');
      empty.hidden = page.items.length > 0;
      history.replaceState(null, '', q.value.trim() ? '/products?' + new URLSearchParams({ q: q.value.trim() }) : '/products');
    } catch (e) {
      if (e.status === 401) window.location.href = '/login?ReturnUrl=%2Fproducts';
      else { empty.hidden = false; empty.textContent = 'Could not search: ' + e.message; }
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  q.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(load, 200); });
  load();
})();
