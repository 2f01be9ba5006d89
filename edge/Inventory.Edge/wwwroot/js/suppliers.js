// Suppliers: the list (GET /api/suppliers, searched as you type) and, for roles that manage suppliers, the
// form that adds one (POST /api/suppliers); a row opens the supplier's page with its products and prices.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const rows = document.getElementById('supplier-rows');
  const empty = document.getElementById('suppliers-empty');
  const q = document.getElementById('sup-q');
  let timer;

  async function load() {
    const p = new URLSearchParams({ limit: '500' });
    if (q.value.trim()) p.set('q', q.value.trim());
    const page = await api('/api/suppliers?' + p);
    rows.innerHTML = page.items.map(s => `<tr>
      <td><a href="/suppliers/${esc(s.id)}">${esc(s.code)}</a></td><td>${esc(s.name)}</td><td>${esc(s.email || '')}</td>
      <td>${esc(s.currency)}</td><td class="num">${esc(s.leadTimeDays)} d</td><td>${s.isActive ? 'yes' : 'no'}</td></tr>`).join('');
    empty.hidden = page.items.length > 0;
  }

  const form = document.getElementById('supplier-form');
  if (form) {
    const result = document.getElementById('supplier-result');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = form.elements;
      try {
        const s = await api('/api/suppliers', {
          method: 'POST',
          json: {
            code: f.code.value.trim(), name: f.name.value.trim(), email: f.email.value.trim() || null, phone: f.phone.value.trim() || null,
            address: f.address.value.trim() || null, currency: f.currency.value.trim().toUpperCase(),
            leadTimeDays: Number(f.leadTimeDays.value || 0), paymentTerms: f.paymentTerms.value.trim() || null,
            overReceiptTolerancePercent: Number(f.overReceiptTolerancePercent.value || 0),
          },
        });
        result.className = 'ok-text';
        result.innerHTML = `Supplier <a href="/suppliers/${esc(s.id)}">${esc(s.code)}</a> created.`;
        form.reset();
        await load();
      } catch (e) {
        result.className = 'error';
        result.textContent = problem(e);
      }
    });
  }

  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 200); });
  load();
})();
