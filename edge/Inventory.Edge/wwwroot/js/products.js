// Shared by the operations pages: find the product a person typed (SKU, name, barcode or id) and show a
// product id as its SKU. Looks products up through the catalog API, caching what it has seen.
(function () {
  'use strict';
  const { api } = window.inv;
  const byId = new Map();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  /** The one product meant by text: an id, an exact SKU or barcode, or the only match; otherwise an Error saying why. */
  async function resolve(text) {
    const q = (text || '').trim();
    if (!q) throw new Error('Name a product (SKU, name or barcode).');
    if (uuid.test(q)) return get(q);
    const page = await api('/api/products?' + new URLSearchParams({ q, limit: '10' }));
    page.items.forEach(p => byId.set(p.id, Promise.resolve(p)));
    const exact = page.items.find(p => p.sku.toLowerCase() === q.toLowerCase()
      || (p.barcodes || []).some(b => (b.code || b) === q));
    if (exact) return exact;
    if (page.items.length === 1) return page.items[0];
    if (page.items.length === 0) throw new Error(`No product matches "${q}".`);
    throw new Error(`Several products match "${q}": ${page.items.slice(0, 5).map(p => p.sku).join(', ')}. Type the SKU.`);
  }

  function get(id) {
    if (!byId.has(id)) {
      byId.set(id, api('/api/products/' + id).catch(() => ({ id, sku: id.slice(0, 8), name: '' })));
    }
    return byId.get(id);
  }

  /** Fills a <datalist> with the SKUs matching what is typed in input, as the person types. */
  function suggest(input, list) {
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || uuid.test(q)) return;
      timer = setTimeout(async () => {
        try {
          const page = await api('/api/products?' + new URLSearchParams({ q, limit: '10' }));
          list.innerHTML = page.items.map(p => `<option value="${window.inv.esc(p.sku)}">${window.inv.esc(p.name)}</option>`).join('');
        } catch (e) { /* suggestions are a convenience */ }
      }, 200);
    });
  }

  /** The problem's text: its detail, and the field errors when it has them. */
  window.invProducts = { resolve, get, suggest };
})();
