// One supplier: its facts, its products and prices (prices only when the API answers them), and for purchasing
// and managers the edit form (PUT /api/suppliers/{id}) and a product's terms (PUT …/products/{productId}).
(function () {
  'use strict';
  const { api, esc, money, problem } = window.inv;
  const root = document.getElementById('supplier');
  const id = root.dataset.supplier;
  const prices = root.dataset.prices === 'true';
  const error = document.getElementById('supplier-error');
  const edit = document.getElementById('edit-supplier');
  const setPrice = document.getElementById('set-price');
  let supplier = null;

  function fail(err) { error.textContent = problem(err); error.hidden = false; }
  const field = name => document.getElementById(name);

  async function load() {
    supplier = await api(`/api/suppliers/${id}`);
    document.getElementById('supplier-title').textContent = `${supplier.code} · ${supplier.name}`;
    document.getElementById('supplier-facts').innerHTML = [
      ['Email', supplier.email], ['Phone', supplier.phone], ['Currency', supplier.currency],
      ['Lead time', supplier.leadTimeDays + ' days'], ['Over-receipt tolerance', supplier.overReceiptTolerancePercent + ' %'],
      ['Payment terms', supplier.paymentTerms], ['Active', supplier.isActive ? 'yes' : 'no'],
    ].map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v == null ? '—' : v)}</dd>`).join('');
    if (edit) {
      field('edit-code').value = supplier.code; field('edit-name').value = supplier.name; field('edit-email').value = supplier.email || '';
      field('edit-currency').value = supplier.currency; field('edit-lead').value = supplier.leadTimeDays;
      field('edit-tolerance').value = supplier.overReceiptTolerancePercent;
    }
    const page = await api(`/api/suppliers/${id}/products?limit=500`);
    document.getElementById('supplier-product-rows').innerHTML = page.items.map(p => `<tr data-product="${esc(p.productId)}">
      <td><a href="/products/${esc(p.productId)}">${esc(p.sku)}</a></td><td>${esc(p.productName)}</td><td>${esc(p.supplierSku)}</td>
      ${prices ? `<td class="num">${esc(money.format(p.unitPrice))}</td><td>${esc((p.priceBreaks || []).map(b => `${b.quantity}+: ${money.format(b.unitPrice)}`).join(', '))}</td>` : ''}
      <td class="num">${esc(p.minOrderQuantity)}</td><td class="num">${esc(p.orderMultiple)}</td><td>${p.preferred ? 'yes' : ''}</td></tr>`).join('');
    document.getElementById('supplier-products-empty').hidden = page.items.length > 0;
  }

  if (edit) {
    edit.addEventListener('submit', async e => {
      e.preventDefault();
      error.hidden = true;
      try {
        await api(`/api/suppliers/${id}`, { method: 'PUT', json: Object.assign({}, supplier, {
          code: field('edit-code').value.trim(), name: field('edit-name').value.trim(), email: field('edit-email').value.trim() || null,
          currency: field('edit-currency').value.trim() || null, leadTimeDays: Number(field('edit-lead').value || 0),
          overReceiptTolerancePercent: Number(field('edit-tolerance').value || 0),
        }) });
        await load();
      } catch (err) { fail(err); }
    });
  }

  if (setPrice) {
    setPrice.addEventListener('submit', async e => {
      e.preventDefault();
      error.hidden = true;
      try {
        const sku = field('price-sku').value.trim();
        const found = await api('/api/products?' + new URLSearchParams({ q: sku, limit: '20' }));
        const product = found.items.find(p => p.sku === sku);
        if (!product) throw new Error(`No product with SKU ${sku}`);
        await api(`/api/suppliers/${id}/products/${product.id}`, { method: 'PUT', json: {
          supplierSku: field('price-supplier-sku').value.trim() || null, unitPrice: Number(field('price-unit').value),
          minOrderQuantity: Number(field('price-min').value || 1), orderMultiple: Number(field('price-multiple').value || 1),
          preferred: field('price-preferred').checked,
        } });
        setPrice.reset();
        await load();
      } catch (err) { fail(err); }
    });
  }
  load().catch(fail);
})();
