// POST /api/inventory/adjust with a movement id made here: the same id is sent until an answer arrives, so a
// double click or a retry records the adjustment once; a new id is made for the next one.
(function () {
  'use strict';
  const { api, recordOnce } = window.inv;
  const { resolve, suggest } = window.invProducts;
  const form = document.getElementById('adjust-form');
  const result = document.getElementById('adjust-result');

  suggest(form.elements.product, document.getElementById('adj-product-list'));

  recordOnce(form, result, async id => {
    const product = await resolve(form.elements.product.value);
    const answer = await api('/api/inventory/adjust', {
      method: 'POST',
      json: {
        id,
        productId: product.id,
        locationId: form.elements.location.value,
        quantity: Number(form.elements.quantity.value),
        reason: form.elements.reason.value,
        note: form.elements.note.value.trim() || null,
      },
    });
    const level = answer.levels.find(l => l.locationId === form.elements.location.value) || answer.levels[0];
    const location = form.elements.location.selectedOptions[0].textContent;
    result.className = 'ok-text';
    result.textContent = `Recorded. ${product.sku} at ${location}: ${level.quantity} on hand, ${level.available} available (${level.status}).`;
    result.dataset.level = level.quantity;
  });
})();
