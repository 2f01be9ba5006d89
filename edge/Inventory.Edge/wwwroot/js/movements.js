// The ledger from GET /api/stock-movements with the page's filters; "Show more" follows `next`.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const { resolve, get, suggest } = window.invProducts;
  const app = document.getElementById('movements-app');
  const locations = JSON.parse(app.dataset.locations || '{}');
  const showCost = app.dataset.showCost === 'true';
  const form = document.getElementById('movement-filters');
  const rows = document.getElementById('movement-rows');
  const empty = document.getElementById('movements-empty');
  const more = document.getElementById('movements-more');
  const error = document.getElementById('mv-error');
  let query = null;
  let next = null;
  let generation = 0;

  suggest(form.elements.product, document.getElementById('mv-product-list'));

  async function filters() {
    const p = new URLSearchParams({ limit: '50' });
    const text = form.elements.product.value.trim();
    if (text) p.set('productId', (await resolve(text)).id);
    if (form.elements.location.value) p.set('locationId', form.elements.location.value);
    if (form.elements.type.value) p.set('type', form.elements.type.value);
    // Dates are the person's local days: from the start of "from" to the end of "to".
    if (form.elements.from.value) p.set('from', new Date(form.elements.from.value + 'T00:00').toISOString());
    if (form.elements.to.value) {
      const to = new Date(form.elements.to.value + 'T00:00');
      to.setDate(to.getDate() + 1);
      p.set('to', to.toISOString());
    }
    return p;
  }

  async function row(m) {
    const product = await get(m.productId);
    const qty = m.type === 'reserve' || m.type === 'release' ? m.reservedDelta : m.quantity;
    const where = [m.bin, m.lot].filter(Boolean).join(' / ');
    const why = [m.reason, m.note].filter(Boolean).join(' · ');
    const ref = [m.referenceType, m.referenceId].filter(Boolean).join(' ');
    return `<tr data-movement="${esc(m.id)}" data-type="${esc(m.type)}">
      <td>${esc(new Date(m.occurredAt).toLocaleString())}</td><td class="type">${esc(m.type)}</td>
      <td><a href="/products/${esc(m.productId)}">${esc(product.sku)}</a></td>
      <td>${esc(locations[m.locationId] || m.locationId.slice(0, 8))}</td><td>${esc(where)}</td>
      <td class="num qty">${esc(qty > 0 ? '+' + qty : qty)}</td>
      ${showCost ? `<td class="num cost">${m.unitCost == null ? '' : esc(window.inv.money.format(m.unitCost))}</td>` : ''}
      <td>${esc(why)}</td><td>${esc(ref)}</td></tr>`;
  }

  async function load(append) {
    error.hidden = true;
    // A newer request wins: the first page's answer must not land over a filtered one asked for since.
    const mine = append ? generation : ++generation;
    try {
      if (!append) query = await filters();
      const p = new URLSearchParams(query);
      if (append && next) p.set('next', next);
      const page = await api('/api/stock-movements?' + p);
      const html = (await Promise.all(page.items.map(row))).join('');
      if (mine !== generation) return;
      if (append) rows.insertAdjacentHTML('beforeend', html); else rows.innerHTML = html;
      next = page.next;
      more.hidden = !next;
      empty.hidden = rows.children.length > 0;
      app.dataset.loaded = 'true';
    } catch (e) {
      if (mine !== generation) return;
      error.textContent = problem(e);
      error.hidden = false;
    }
  }

  form.addEventListener('submit', event => { event.preventDefault(); load(false); });
  more.addEventListener('click', () => load(true));
  load(false);
})();
