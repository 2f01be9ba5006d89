// Create or edit a product through the API (POST /api/products, PUT /api/products/{id} with the version read).
(function () {
  'use strict';
  const { api } = window.inv;
  const form = document.getElementById('product-form');
  const error = document.getElementById('form-error');
  const id = form.dataset.productId;
  const existing = form.dataset.product ? JSON.parse(form.dataset.product) : {};
  const number = name => { const v = form.elements[name].value.trim(); return v === '' ? null : Number(v); };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const body = Object.assign({}, existing, {
      sku: form.elements.sku.value.trim(),
      name: form.elements.name.value.trim(),
      barcodes: form.elements.barcodes.value.split(',').map(s => s.trim()).filter(Boolean),
      unit: form.elements.unit.value,
      sellingPrice: number('sellingPrice'),
      costPrice: number('costPrice'),
      reorderPoint: number('reorderPoint'),
      reorderQuantity: number('reorderQuantity'),
      maxLevel: number('maxLevel'),
      description: form.elements.description.value.trim() || null,
      // Lot settings: an empty shelf life is sent as 0, which clears it (absent would keep the old value).
      lotTracked: form.elements.lotTracked.checked,
      shelfLifeDays: number('shelfLifeDays') ?? 0,
      expiryAlertDays: number('expiryAlertDays'),
      sellExpired: form.elements.sellExpired.checked,
    });
    try {
      const saved = await api(id ? `/api/products/${id}` : '/api/products', { method: id ? 'PUT' : 'POST', json: body });
      window.location.href = `/products/${saved.id}`;
    } catch (e) {
      const errors = e.body && e.body.errors ? Object.values(e.body.errors).flat().join(' ') : '';
      error.textContent = (e.message || 'Not saved') + (errors ? ': ' + errors : '');
      error.hidden = false;
      error.focus();
    }
  });
})();
