// The supplier list (GET /api/suppliers) and, for purchasing and managers, the add form (POST /api/suppliers).
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const rows = document.getElementById('supplier-rows');
  const empty = document.getElementById('suppliers-empty');
  const form = document.getElementById('add-supplier');
  const error = document.getElementById('supplier-error');

  async function load() {
    const page = await api('/api/suppliers?limit=500');
    rows.innerHTML = page.items.map(s => `<tr data-supplier="${esc(s.id)}"><td><a href="/suppliers/${esc(s.id)}">${esc(s.code)}</a></td>
      <td>${esc(s.name)}</td><td>${esc(s.email)}</td><td>${esc(s.currency)}</td><td class="num">${esc(s.leadTimeDays)} d</td>
      <td class="num">${esc(s.overReceiptTolerancePercent)} %</td><td>${s.isActive ? 'yes' : 'no'}</td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  if (form) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      error.hidden = true;
      const v = id => document.getElementById(id).value.trim();
      try {
        await api('/api/suppliers', { method: 'POST', json: {
          code: v('supplier-code'), name: v('supplier-name'), email: v('supplier-email') || null, currency: v('supplier-currency') || null,
          leadTimeDays: Number(v('supplier-lead') || 0), overReceiptTolerancePercent: Number(v('supplier-tolerance') || 0),
        } });
        form.reset();
        await load();
      } catch (err) {
        error.textContent = problem(err);
        error.hidden = false;
      }
    });
  }
  load().catch(err => { empty.hidden = false; empty.textContent = 'Could not load: ' + err.message; });
})();
