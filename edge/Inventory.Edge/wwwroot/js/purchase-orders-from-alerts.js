// "Create from alerts": shows what GET /api/purchase-orders/from-alerts proposes (one draft per preferred supplier
// and location, with the figures behind each quantity) and the alerted products without a preferred supplier;
// the button makes the drafts (POST), which purchasing then reviews and sends from each PO's page.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const orders = document.getElementById('plan-orders');
  const unassigned = document.getElementById('plan-unassigned');
  const made = document.getElementById('made-orders');
  const result = document.getElementById('made-result');
  const button = document.getElementById('make-drafts');
  const unassignedHtml = list => list.map(u => `<li><a href="/products/${esc(u.productId)}">${esc(u.sku || u.productId)}</a>: ${esc(u.reason)}</li>`).join('');

  async function load() {
    const plan = await api('/api/purchase-orders/from-alerts');
    orders.innerHTML = plan.orders.map(o => `<section class="card"><h3>${esc(o.supplierCode)} · ${esc(o.supplierName)}</h3>
      <table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col" class="num">Available</th><th scope="col" class="num">On order</th>
      <th scope="col" class="num">Reorder point</th><th scope="col" class="num">Max</th><th scope="col" class="num">Min / multiple</th>
      <th scope="col" class="num">Order</th><th scope="col" class="num">Unit price</th></tr></thead><tbody>
      ${o.lines.map(l => `<tr><td>${esc(l.sku)}</td><td>${esc(l.name)}</td><td class="num">${esc(l.available)}</td><td class="num">${esc(l.onOrder)}</td>
        <td class="num">${esc(l.reorderPoint)}</td><td class="num">${esc(l.maxLevel ?? '')}</td><td class="num">${esc(l.minOrderQuantity)} / ${esc(l.orderMultiple)}</td>
        <td class="num">${esc(l.quantity)}</td><td class="num">${esc(Number(l.unitPrice).toFixed(2))}</td></tr>`).join('')}
      </tbody></table><p>Total ${esc(o.currency)} ${esc(Number(o.totalAmount).toFixed(2))}</p></section>`).join('');
    document.getElementById('plan-empty').hidden = plan.orders.length > 0;
    unassigned.innerHTML = unassignedHtml(plan.unassigned);
    document.getElementById('unassigned-empty').hidden = plan.unassigned.length > 0;
    button.disabled = plan.orders.length === 0;
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await api('/api/purchase-orders/from-alerts', { method: 'POST', json: {} });
      result.className = 'ok-text';
      result.textContent = `${answer.orders.length} draft${answer.orders.length === 1 ? '' : 's'} created: review and send each.`;
      made.innerHTML = answer.orders.map(o => `<li><a href="/purchase-orders/${esc(o.id)}">${esc(o.number)}</a> ${esc(o.supplierName || '')} (${esc(o.lines.length)} lines)</li>`).join('');
      await load();
    } catch (e) {
      result.className = 'error';
      result.textContent = problem(e);
      button.disabled = false;
    }
  });

  load();
})();
