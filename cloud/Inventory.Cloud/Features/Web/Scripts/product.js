// One product across the company: its facts, stock per site and per location (bins and lots), what is in transit;
// reloaded when the hub reports a level change of this product at any site.
(function () {
  'use strict';
  const { api, esc, ageHtml, refreshAges, money, count, hub } = window.inv;
  const facts = document.getElementById('product-facts');
  const id = facts.dataset.product;
  const costs = facts.dataset.costs === 'true';
  const title = document.getElementById('product-title');
  const siteRows = document.getElementById('site-rows');
  const levelRows = document.getElementById('level-rows');
  const levelsEmpty = document.getElementById('levels-empty');
  const transitRows = document.getElementById('transit-rows');
  const transitEmpty = document.getElementById('transit-empty');
  const live = document.getElementById('live-status');
  let timer = null;

  function fact(name, value, cls) {
    return `<div${cls ? ` class="${cls}"` : ''}><dt>${esc(name)}</dt><dd>${esc(value)}</dd></div>`;
  }

  async function loadProduct() {
    const p = await api('/api/products/' + encodeURIComponent(id));
    title.innerHTML = `${esc(p.sku)} <span class="muted">${esc(p.name)}</span>`;
    document.title = p.sku + ' · Inventory cloud';
    facts.innerHTML = fact('Unit', p.unit)
      + fact('Barcodes', p.barcodes.length ? p.barcodes.join(', ') : 'none')
      + fact('Selling price', p.sellingPrice == null ? '—' : money.format(p.sellingPrice))
      + (costs ? fact('Cost price', p.costPrice == null ? '—' : money.format(p.costPrice), 'cost') : '')
      + fact('Reorder point', p.reorderPoint == null ? '—' : p.reorderPoint)
      + fact('Active', p.isActive ? 'yes' : 'no')
      + fact('Lot tracked', p.lotTracked ? 'yes' : 'no')
      + fact('Shelf life', p.shelfLifeDays == null ? '—' : p.shelfLifeDays + ' days')
      + fact('Expiry alert', p.expiryAlertDays + ' days before')
      + fact('Expired stock sold', p.sellExpired ? 'yes' : 'no');
  }

  async function loadLevels() {
    const data = await api('/api/inventory/' + encodeURIComponent(id));
    const sites = new Map();
    data.levels.forEach(l => {
      const s = sites.get(l.siteCode) || { quantity: 0, available: 0, updatedAt: l.updatedAt };
      s.quantity += l.quantity;
      s.available += l.available;
      if (l.updatedAt > s.updatedAt) s.updatedAt = l.updatedAt;
      sites.set(l.siteCode, s);
    });
    siteRows.innerHTML = [...sites.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, s]) =>
      `<tr data-site="${esc(code)}"><th scope="row">${esc(code)}</th><td class="num qty">${esc(count.format(s.quantity))}</td>
        <td class="num">${esc(count.format(s.available))}</td><td>${ageHtml(s.updatedAt)}</td></tr>`).join('')
      + `<tr class="total"><th scope="row">All sites</th><td class="num" id="product-total">${esc(count.format(data.total))}</td><td></td><td></td></tr>`;
    levelRows.innerHTML = data.levels.map(l => `<tr data-site="${esc(l.siteCode)}" data-location="${esc(l.locationId)}">
      <td>${esc(l.siteCode)}</td><td>${esc(l.locationCode || l.locationId)}</td><td>${esc(l.bin || '—')}</td><td>${esc(l.lot || '—')}</td>
      <td class="num qty">${esc(count.format(l.quantity))}</td><td class="num">${esc(count.format(l.reserved))}</td>
      <td class="num">${esc(count.format(l.available))}</td><td><span class="badge st-${esc(l.status)}">${esc(l.status)}</span></td>
      <td>${ageHtml(l.updatedAt)}</td></tr>`).join('');
    levelsEmpty.hidden = data.levels.length > 0;
    transitRows.innerHTML = data.inTransit.map(t => `<tr><td>${esc(t.fromSite)}</td><td>${esc(t.toSite)}</td>
      <td class="num">${esc(count.format(t.quantityShipped))}</td><td>${ageHtml(t.shippedAt)}</td></tr>`).join('');
    transitEmpty.hidden = data.inTransit.length > 0;
  }

  async function load() {
    try {
      await Promise.all([loadProduct(), loadLevels()]);
    } catch (e) {
      if (e.status === 401) window.location.href = '/login?ReturnUrl=' + encodeURIComponent(location.pathname);
      else title.textContent = e.status === 404 ? 'No such product' : 'Could not load the product: ' + e.message;
    }
  }

  load();
  hub('/hubs/inventory', {
    levelChanged: m => { if (m.productId === id) { clearTimeout(timer); timer = setTimeout(loadLevels, 250); } },
  }, live, loadLevels);
  setInterval(() => refreshAges(), 15000);
})();
