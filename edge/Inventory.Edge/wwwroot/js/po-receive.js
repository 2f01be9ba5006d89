// The receive screen of one purchase order (/purchase-orders/{id}/receive). Each line's form posts one receipt
// of that line; the receipt id is made here and kept until the box answers (inv.recordOnce), so a double tap or a
// retry after a lost answer records the goods once. The lines are redrawn from the answer's PO, which never holds
// a price for staff (the API leaves them out).
(function () {
  'use strict';
  const root = document.getElementById('po-receive');
  const orderId = root.dataset.order;
  const result = document.getElementById('po-result');
  const status = document.getElementById('po-status');
  const bin = document.getElementById('po-bin');
  const n = v => String(Number(v));

  bin.value = localStorage.getItem('inventory.receive.bin') || '';
  bin.addEventListener('change', () => localStorage.setItem('inventory.receive.bin', bin.value.trim()));

  function redraw(order) {
    status.textContent = order.status;
    for (const line of order.lines) {
      const item = root.querySelector(`li[data-line="${line.id}"]`);
      if (!item) continue;
      item.querySelector('[data-field="received"]').textContent = n(line.received);
      item.querySelector('[data-field="outstanding"]').textContent = n(line.outstanding);
    }
  }

  function say(kind, text) {
    result.className = 'result ' + kind;
    result.textContent = text;
  }

  for (const form of root.querySelectorAll('form.po-line')) {
    const lineId = form.closest('li').dataset.line;
    const sku = form.querySelector('h2').textContent.trim();
    // recordOnce writes progress and refusals into this line's own status, then we echo them at the top.
    const lineResult = document.createElement('p');
    lineResult.setAttribute('role', 'status');
    form.appendChild(lineResult);
    new MutationObserver(() => {
      if (lineResult.className === 'error') say('err', lineResult.textContent);
    }).observe(lineResult, { childList: true, characterData: true, subtree: true, attributes: true });
    window.inv.recordOnce(form, lineResult, async id => {
      const quantity = Number(form.elements.quantity.value);
      const line = { lineId, quantity };
      if (form.elements.lot.value.trim()) line.lot = form.elements.lot.value.trim();
      if (form.elements.expiry.value) line.expiry = form.elements.expiry.value;
      if (bin.value.trim()) line.bin = bin.value.trim();
      const answer = await window.inv.api(`/api/purchase-orders/${orderId}/receive`, { method: 'POST', json: { id, lines: [line] } });
      redraw(answer.purchaseOrder);
      lineResult.className = '';
      lineResult.textContent = `Received ${n(quantity)}`;
      say('ok', `Received ${n(quantity)} of ${sku}`);
      const left = answer.purchaseOrder.lines.find(l => l.id === lineId);
      form.elements.quantity.value = left && left.outstanding > 0 ? n(left.outstanding) : '';
    });
  }
})();
