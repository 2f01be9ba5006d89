// Every site's ledger as the cloud received it, filtered by site, type and product (a SKU is looked up in the
// catalog first); products are named by SKU, fetched once per product on the page.
(function () {
  'use strict';
  const { api, esc, money, count, when } = window.inv;
  const form = document.getElementById('movement-filters');
  const site = document.getElementById('filter-site');
  const type = document.getElementById('filter-type');
  const product = document.getElementById('filter-product');
  const table = document.getElementById('movements');
  const rows = document.getElementById('movement-rows');
  const empty = document.getElementById('movements-empty');
  const note = document.getElementById('movements-note');
  const more = document.getElementById('more');
  const costs = table.dataset.costs === 'true';
  const locations = JSON.parse(table.dataset.locations || '{}');
  const products = new Map();
  let next = null;
  let productId = product.dataset.productId || '';

  async function skuOf(id) {
    if (!products.has(id)) {
      products.set(id, api('/api/products/' + encodeURIComponent(id)).then(p => p.sku, () => id));
    }
    return products.get(id);
  }

  async function resolveProduct() {
    const sku = product.value.trim();
    if (!sku) return productId;
    const page = await api('/api/products?' + new URLSearchParams({ q: sku, limit: '20' }));
    const exact = page.items.find(p => p.sku.toLowerCase() === sku.toLowerCase()) || page.items[0];
    if (!exact) throw Object.assign(new Error(`No product with SKU ${sku}.`), { status: 404 });
    products.set(exact.id, Promise.resolve(exact.sku));
    return exact.id;
  }

  async function rowHtml(m) {
    const sku = await skuOf(m.productId);
    return `<tr data-id="${esc(m.id)}" data-site="${esc(m.siteCode)}">
      <td><time datetime="${esc(m.occurredAt)}">${esc(when(m.occurredAt))}</time></td><td>${esc(m.siteCode)}</td><td>${esc(m.type.replace('_', ' '))}</td>
      <td><a href="/products/${esc(m.productId)}">${esc(sku)}</a></td><td>${esc(locations[m.locationId] || m.locationId)}</td>
      <td>${esc([m.bin, m.lot].filter(Boolean).join(' / ') || '—')}</td><td class="num">${esc(count.format(m.quantity))}</td>
      ${costs ? `<td class="num cost">${m.unitCost == null ? '—' : esc(money.format(m.unitCost))}</td>` : ''}
      <td>${esc([m.reason, m.referenceType, m.referenceId].filter(Boolean).join(' · '))}</td></tr>`;
  }

  async function load(append) {
    try {
      if (!append) {
        productId = await resolveProduct();
        next = null;
      }
      const p = new URLSearchParams({ limit: '100' });
      if (site.value) p.set('siteCode', site.value);
      if (type.value) p.set('type', type.value);
      if (productId) p.set('productId', productId);
      if (append && next) p.set('next', next);
      const page = await api('/api/stock-movements?' + p);
      const html = (await Promise.all(page.items.map(rowHtml))).join('');
      if (append) rows.insertAdjacentHTML('beforeend', html); else rows.innerHTML = html;
      next = page.next;
      more.hidden = !next;
      empty.hidden = rows.children.length > 0;
      note.textContent = `${rows.children.length} movement(s), in order of arrival at the cloud.`;
    } catch (e) {
      if (e.status === 401) window.location.href = '/login?ReturnUrl=%2Fmovements';
      else { rows.innerHTML = ''; empty.hidden = true; note.textContent = e.message; }
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    productId = '';
    const q = new URLSearchParams();
    if (site.value) q.set('siteCode', site.value);
    if (type.value) q.set('type', type.value);
    if (product.value.trim()) q.set('sku', product.value.trim());
    history.replaceState(null, '', '/movements' + (q.toString() ? '?' + q : ''));
    load(false);
  });
  more.addEventListener('click', () => load(true));
  load(false);
})();
