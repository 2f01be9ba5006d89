// One supplier: its fields (PUT /api/suppliers/{id} for roles that manage suppliers, read-only otherwise), and its
// products with prices and price breaks (GET/PUT /api/suppliers/{id}/products/…), shown only to roles that may
// see supplier prices.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const app = document.getElementById('supplier-app');
  const id = app.dataset.id;
  const canManage = app.dataset.canManage === 'true';
  const canSeePrices = app.dataset.canSeePrices === 'true';
  const edit = document.getElementById('supplier-edit');
  const result = document.getElementById('supplier-result');
  const money = v => Number(v).toFixed(2);

  async function loadSupplier() {
    const s = await api('/api/suppliers/' + id);
    document.getElementById('supplier-title').textContent = `${s.code} · ${s.name}`;
    const f = edit.elements;
    f.code.value = s.code; f.name.value = s.name; f.email.value = s.email || ''; f.phone.value = s.phone || '';
    f.currency.value = s.currency; f.leadTimeDays.value = s.leadTimeDays; f.paymentTerms.value = s.paymentTerms || '';
    f.overReceiptTolerancePercent.value = s.overReceiptTolerancePercent; f.active.checked = s.isActive; f.address.value = s.address || '';
    if (!canManage) [...f].forEach(el => { el.disabled = true; });
  }

  async function loadOffers() {
    if (!canSeePrices) return;
    const offers = await api(`/api/suppliers/${id}/products`);
    document.getElementById('offer-rows').innerHTML = offers.map(o => `<tr>
      <td><a href="/products/${esc(o.productId)}">${esc(o.sku || '')}</a></td><td>${esc(o.name || '')}</td><td>${esc(o.supplierSku || '')}</td>
      <td class="num">${esc(money(o.unitPrice))}</td>
      <td>${o.priceBreaks.map(b => `from ${esc(b.quantity)}: ${esc(money(b.unitPrice))}`).join(' · ')}</td>
      <td class="num">${esc(o.minOrderQuantity)}</td><td class="num">${esc(o.orderMultiple)}</td><td>${o.preferred ? 'preferred' : ''}</td></tr>`).join('');
    document.getElementById('offers-empty').hidden = offers.length > 0;
  }

  edit.addEventListener('submit', async event => {
    event.preventDefault();
    const f = edit.elements;
    try {
      await api('/api/suppliers/' + id, {
        method: 'PUT',
        json: {
          code: f.code.value.trim(), name: f.name.value.trim(), email: f.email.value.trim(), phone: f.phone.value.trim(),
          address: f.address.value.trim(), currency: f.currency.value.trim().toUpperCase(), leadTimeDays: Number(f.leadTimeDays.value || 0),
          paymentTerms: f.paymentTerms.value.trim(), overReceiptTolerancePercent: Number(f.overReceiptTolerancePercent.value || 0),
          isActive: f.active.checked,
        },
      });
      result.className = 'ok-text';
      result.textContent = 'Saved.';
      await loadSupplier();
    } catch (e) {
      result.className = 'error';
      result.textContent = problem(e);
    }
  });

  const offerForm = document.getElementById('offer-form');
  if (offerForm) {
    const offerResult = document.getElementById('offer-result');
    window.invProducts.suggest(offerForm.elements.product, document.getElementById('of-product-list'));
    offerForm.addEventListener('submit', async event => {
      event.preventDefault();
      const f = offerForm.elements;
      try {
        const product = await window.invProducts.resolve(f.product.value);
        const priceBreaks = f.priceBreaks.value.split('\n').map(l => l.trim()).filter(Boolean).map(l => {
          const [quantity, unitPrice] = l.split(/[\s;,]+/).map(Number);
          return { quantity, unitPrice };
        });
        await api(`/api/suppliers/${id}/products/${product.id}`, {
          method: 'PUT',
          json: {
            supplierSku: f.supplierSku.value.trim() || null, unitPrice: Number(f.unitPrice.value),
            minOrderQuantity: Number(f.minOrderQuantity.value || 0), orderMultiple: Number(f.orderMultiple.value || 0),
            leadTimeDays: f.leadTimeDays.value ? Number(f.leadTimeDays.value) : null, preferred: f.preferred.checked, priceBreaks,
          },
        });
        offerResult.className = 'ok-text';
        offerResult.textContent = `Price of ${product.sku} saved.`;
        offerForm.reset();
        await loadOffers();
      } catch (e) {
        offerResult.className = 'error';
        offerResult.textContent = problem(e);
      }
    });
  }

  loadSupplier();
  loadOffers();
})();
