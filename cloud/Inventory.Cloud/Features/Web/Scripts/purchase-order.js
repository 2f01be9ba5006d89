// The PO page's buttons: POST /api/purchase-orders/{id}/send|cancel|close, then the page again (server-rendered).
(function () {
  'use strict';
  const { api, problem } = window.inv;
  const id = document.getElementById('po-facts').dataset.po;
  const error = document.getElementById('po-error');

  async function act(action, body) {
    error.hidden = true;
    try {
      await api(`/api/purchase-orders/${id}/${action}`, { method: 'POST', json: body || {} });
      window.location.reload();
    } catch (err) {
      error.textContent = problem(err);
      error.hidden = false;
    }
  }

  document.querySelectorAll('#po-actions [data-action]').forEach(b => b.addEventListener('click', () => {
    if (b.dataset.action !== 'cancel' || window.confirm('Cancel this purchase order?')) act(b.dataset.action);
  }));
  const close = document.getElementById('close-po');
  if (close) {
    close.addEventListener('submit', e => {
      e.preventDefault();
      act('close', { reason: document.getElementById('close-reason').value });
    });
  }
})();
