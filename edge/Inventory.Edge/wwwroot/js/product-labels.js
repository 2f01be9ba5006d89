// The product page's label block: print to a registered printer (POST /api/labels/print). Roles that may read
// the devices API pick the printer from a list of registered printers; others type its id.
(function () {
  'use strict';
  const { api, esc } = window.inv;
  const block = document.getElementById('labels');
  const form = document.getElementById('print-form');
  const error = document.getElementById('print-error');
  const result = document.getElementById('print-result');

  async function listPrinters() {
    const devices = await api('/api/devices');
    const printers = devices.filter(d => d.kind === 'printer' && !d.revokedAt);
    if (printers.length === 0) return;
    document.getElementById('printer-field').innerHTML = `<label for="printer-id">Printer</label>
      <select id="printer-id" name="printerId" required>${printers.map(d =>
        `<option value="${esc(d.deviceId)}">${esc(d.name || d.deviceId)}${d.connected ? '' : ' (offline)'}</option>`).join('')}</select>`;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    result.textContent = '';
    try {
      const job = await api('/api/labels/print', { method: 'POST', json: {
        printerId: form.elements.printerId.value.trim(),
        productId: block.dataset.productId,
        copies: Number(form.elements.copies.value),
      } });
      result.textContent = `${job.copies} ${job.copies === 1 ? 'label' : 'labels'} ${job.status} for ${job.printerId} (job ${job.jobId.slice(0, 8)}).`;
    } catch (e) {
      const errors = e.body && e.body.errors ? Object.values(e.body.errors).flat().join(' ') : '';
      error.textContent = (e.message || 'Not printed') + (errors ? ': ' + errors : '');
      error.hidden = false;
      error.focus();
    }
  });

  if (block.dataset.listPrinters === 'true') {
    listPrinters().catch(() => { /* the id field stays */ });
  }
})();
