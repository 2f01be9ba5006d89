// The /lots/trace page: GET /api/lots/trace?productId=&lot= and its four lists (receipts, shipments, transfers,
// on hand), each shown as a table of whatever fields its items have. A lot unknown here says so.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const app = document.getElementById('trace-app');
  const error = document.getElementById('trace-error');
  const subject = document.getElementById('trace-subject');
  const query = new URLSearchParams(location.search);
  const productId = query.get('productId');
  const lot = query.get('lot');
  const sections = [['receipts', 'Receipts'], ['shipments', 'Shipments'], ['transfers', 'Transfers'], ['onHand', 'On hand']];

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
  }

  function heading(field) {
    const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function cell(value) {
    if (value == null) return '';
    if (typeof value === 'object') return esc(JSON.stringify(value));
    return esc(value);
  }

  function table(id, label, items) {
    const list = Array.isArray(items) ? items : [];
    const fields = [];
    list.forEach(item => Object.keys(item || {}).forEach(k => { if (!fields.includes(k)) fields.push(k); }));
    const body = list.length === 0
      ? `<p class="muted">None.</p>`
      : `<div class="table-wrap"><table id="trace-${id}"><caption class="sr-only">${esc(label)}</caption>
          <thead><tr>${fields.map(f => `<th scope="col">${esc(heading(f))}</th>`).join('')}</tr></thead>
          <tbody>${list.map(item => `<tr>${fields.map(f => `<td>${cell(item[f])}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
    return `<section aria-labelledby="trace-${id}-title"><h2 id="trace-${id}-title">${esc(label)} <span class="muted">(${list.length})</span></h2>${body}</section>`;
  }

  async function load() {
    if (!productId || !lot) { fail('Open a trace from a lot on the Lots page (a product and a lot are needed).'); return; }
    document.getElementById('trace-back').href = '/lots?productId=' + encodeURIComponent(productId);
    document.getElementById('trace-recall').href = '/lots/recall?' + new URLSearchParams({ productId, lot });
    subject.textContent = 'lot ' + lot;
    api('/api/products/' + encodeURIComponent(productId)).then(p => { subject.textContent = `${p.sku} lot ${lot}`; }).catch(() => { });
    try {
      const trace = await api('/api/lots/trace?' + new URLSearchParams({ productId, lot }));
      app.innerHTML = sections.map(([key, label]) => table(key, label, trace[key])).join('');
    } catch (e) {
      if (e.status === 404) fail(`No trace for lot ${lot} of this product at this box: ${problem(e)}`);
      else fail(problem(e));
    }
  }

  load();
})();
