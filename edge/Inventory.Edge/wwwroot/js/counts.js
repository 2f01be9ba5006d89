// Cycle counts: make a count (/counts), enter figures, submit, cancel, recount and approve (/counts/{id}). The pages are
// rendered on the server from the same view as the API (a blind count's expected quantities never reach them); this
// script only posts to /api/cycle-counts and reloads the page with the server's new view.
(function () {
  'use strict';
  const { api, problem } = window.inv;
  const result = document.getElementById('count-result');
  const say = (text, ok) => { if (result) { result.className = ok ? 'ok-text' : 'error'; result.textContent = text; } };

  const make = document.getElementById('count-new');
  if (make) {
    make.addEventListener('submit', async event => {
      event.preventDefault();
      const f = make.elements;
      const bins = f.bins.value.split(',').map(b => b.trim()).filter(b => b);
      const json = { locationId: f.locationId.value, blind: f.blind.checked };
      if (f.categoryId.value) json.categoryId = f.categoryId.value;
      if (f.abcClass.value) json.abcClass = f.abcClass.value;
      if (bins.length) json.bins = bins;
      try {
        const count = await api('/api/cycle-counts', { method: 'POST', json });
        location.href = '/counts/' + count.id;
      } catch (e) { say(problem(e), false); }
    });
  }

  const app = document.getElementById('count-app');
  if (!app) return;
  const id = app.dataset.id;
  const lines = document.getElementById('count-lines');

  function figures() {
    return [...lines.querySelectorAll('tr[data-line]')]
      .map(row => ({ lineId: row.dataset.line, input: row.querySelector('input[name=counted]') }))
      .filter(x => x.input && x.input.value !== '')
      .map(x => ({ lineId: x.lineId, counted: Number(x.input.value) }));
  }

  async function post(path, json, done) {
    try {
      await api(`/api/cycle-counts/${id}/${path}`, { method: 'POST', json });
      say(done, true);
      location.reload();
    } catch (e) { say(problem(e), false); }
  }

  const save = document.getElementById('count-save');
  if (save) save.addEventListener('click', () => post('counts', { lines: figures() }, 'Saved.'));
  const submit = document.getElementById('count-submit');
  if (submit) {
    submit.addEventListener('click', async () => {
      const entered = figures();
      try {
        if (entered.length) await api(`/api/cycle-counts/${id}/counts`, { method: 'POST', json: { lines: entered } });
      } catch (e) { say(problem(e), false); return; }
      await post('submit', undefined, 'Submitted.');
    });
  }
  const cancel = document.getElementById('count-cancel');
  if (cancel) cancel.addEventListener('click', () => post('cancel', undefined, 'Cancelled.'));
  const recount = document.getElementById('count-recount');
  if (recount) recount.addEventListener('click', () => post('recount', { lines: figures() }, 'Recount saved.'));

  const found = document.getElementById('count-found');
  if (found) {
    found.addEventListener('submit', async event => {
      event.preventDefault();
      const f = found.elements;
      try {
        const page = await api('/api/products?' + new URLSearchParams({ q: f.sku.value.trim(), limit: '1' }));
        const product = page.items[0];
        if (!product) { say('No product ' + f.sku.value, false); return; }
        await post('counts', { lines: [{ productId: product.id, bin: f.bin.value, lot: f.lot.value, counted: Number(f.counted.value) }] }, 'Added.');
      } catch (e) { say(problem(e), false); }
    });
  }

  const approve = document.getElementById('count-approve');
  if (approve) {
    approve.addEventListener('submit', event => {
      event.preventDefault();
      const reason = approve.elements.reason.value;
      const ticked = [...lines.querySelectorAll('input[name=approve]:checked')].map(box => ({
        lineId: box.value, reason, decision: box.closest('tr').querySelector('select[name=decision]').value,
      }));
      post('approve', ticked.length ? { lines: ticked } : { reason }, 'Approved.');
    });
  }
})();
