// One purchase order: its facts, each line's ordered / received / variance (received is summed over the ledger),
// the PDF, and the buttons the caller's role allows: send, cancel (purchasing, until something is received), close
// with a reason (managers), and the link to receive against it.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const app = document.getElementById('po-app');
  const id = app.dataset.id;
  const canSeePrices = app.dataset.canSeePrices === 'true';
  const result = document.getElementById('po-result');
  const send = document.getElementById('po-send');
  const cancel = document.getElementById('po-cancel');
  const close = document.getElementById('po-close');
  const receive = document.getElementById('po-receive');
  const money = v => (v == null ? '' : Number(v).toFixed(2));
  const signed = v => (v > 0 ? '+' + v : String(v));

  async function load() {
    const o = await api('/api/purchase-orders/' + id);
    document.getElementById('po-number').textContent = o.number;
    document.getElementById('po-status').textContent = o.status;
    document.getElementById('po-attention').hidden = !o.needsAttention;
    const facts = [
      ['Supplier', `${o.supplierCode || ''} · ${o.supplierName || ''}`], ['Site', o.siteCode], ['Expected', o.expectedDate || '—'],
      ['Currency', o.currency], ['Created', new Date(o.createdAt).toLocaleString()], ['Sent', o.sentAt ? new Date(o.sentAt).toLocaleString() : '—'],
    ];
    if (o.closeReason) facts.push(['Closed because', o.closeReason]);
    if (o.notes) facts.push(['Notes', o.notes]);
    document.getElementById('po-facts').innerHTML = facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
    document.getElementById('po-line-rows').innerHTML = o.lines.map(l => `<tr>
      <td>${esc(l.lineNumber)}</td><td><a href="/products/${esc(l.productId)}">${esc(l.sku || '')}</a></td><td>${esc(l.supplierSku || '')}</td>
      <td>${esc(l.name || '')}</td><td class="num">${esc(l.quantity)}</td><td class="num">${esc(l.received)}</td>
      <td class="num${l.variance === 0 ? '' : ' warn'}">${esc(signed(l.variance))}</td>
      ${canSeePrices ? `<td class="num">${esc(money(l.unitPrice))}</td><td class="num">${esc(money(l.lineAmount))}</td>` : ''}</tr>`).join('');
    if (canSeePrices) document.getElementById('po-total').textContent = `${o.currency} ${money(o.totalAmount)}`;
    const open = ['draft', 'sent', 'partial'].includes(o.status);
    const nothingReceived = o.lines.every(l => l.received === 0);
    if (send) send.hidden = o.status !== 'draft';
    if (cancel) cancel.hidden = !(open && nothingReceived);
    if (close) close.hidden = !open;
    if (receive) receive.hidden = !['sent', 'partial'].includes(o.status);
  }

  async function act(path, json, done) {
    try {
      await api(`/api/purchase-orders/${id}/${path}`, { method: 'POST', json });
      result.className = 'ok-text';
      result.textContent = done;
      await load();
    } catch (e) {
      result.className = 'error';
      result.textContent = problem(e);
    }
  }

  if (send) send.addEventListener('click', () => act('send', {}, 'Sent: the PDF is mailed to the supplier.'));
  if (cancel) cancel.addEventListener('click', () => act('cancel', {}, 'Cancelled.'));
  if (close) {
    close.addEventListener('submit', event => {
      event.preventDefault();
      act('close', { reason: close.elements.reason.value.trim() }, 'Closed.');
    });
  }

  load();
})();
