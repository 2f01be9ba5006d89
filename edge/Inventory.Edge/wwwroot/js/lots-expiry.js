// The /lots/expiry page: GET /api/reports/expiry?days=&locationId= as a table, soonest expiry first; the CSV and PDF
// links follow the same filters. Values only when the report has them (managers).
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const { expiryHtml, statusHtml } = window.invLots;
  const form = document.getElementById('expiry-form');
  const days = document.getElementById('expiry-days');
  const where = document.getElementById('expiry-location');
  const rows = document.getElementById('expiry-rows');
  const empty = document.getElementById('expiry-empty');
  const error = document.getElementById('expiry-error');
  const total = document.getElementById('expiry-total');
  const cost = document.getElementById('expiry-app').dataset.cost === 'true';

  function query(format) {
    const p = new URLSearchParams({ days: days.value });
    if (where.value) p.set('locationId', where.value);
    if (format) p.set('format', format);
    return '/api/reports/expiry?' + p;
  }

  async function load() {
    error.hidden = true;
    document.getElementById('expiry-csv').href = query('csv');
    document.getElementById('expiry-pdf').href = query('pdf');
    try {
      const report = await api(query());
      rows.innerHTML = report.items.map(i => `<tr data-lot="${esc(i.lot)}" data-product="${esc(i.productId)}">
        <td>${expiryHtml(i.expiry, i.status)}</td><td class="num">${esc(i.daysLeft)}</td>
        <td><a href="/lots?productId=${encodeURIComponent(i.productId)}">${esc(i.sku)}</a></td><td>${esc(i.name)}</td>
        <td>${esc(i.locationCode)}</td><td>${esc(i.bin || '')}</td><td>${esc(i.lot)}</td><td class="num">${esc(i.quantity)}</td>
        <td>${statusHtml(i.status)}</td>${cost ? `<td class="num">${i.value == null ? '' : esc(i.value.toFixed(2))}</td>` : ''}</tr>`).join('');
      empty.hidden = report.items.length > 0;
      if (total) total.textContent = report.totalValue == null ? '' : report.totalValue.toFixed(2);
    } catch (e) {
      error.textContent = problem(e);
      error.hidden = false;
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  days.addEventListener('change', load);
  where.addEventListener('change', load);
  api('/api/locations').then(list => {
    const items = Array.isArray(list) ? list : (list.items || []);
    where.insertAdjacentHTML('beforeend', items.map(l => `<option value="${esc(l.id)}">${esc(l.code)} · ${esc(l.name)}</option>`).join(''));
  }).catch(() => { });
  load();
})();
