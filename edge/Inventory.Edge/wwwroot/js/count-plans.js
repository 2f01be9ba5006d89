// The count plans page: the server renders every plan; a manager's save, rule add and rule remove go through
// /api/count-plans and reload the page, so what is shown is always what the box stored.
(function () {
  'use strict';
  const { api } = window.inv;
  const app = document.getElementById('count-plans-app');
  if (!app || app.dataset.canEdit !== 'true') return;

  function fail(element, e) {
    const errors = e.body && e.body.errors ? Object.values(e.body.errors).flat().join(' ') : '';
    element.textContent = (e.message || 'Not saved') + (errors ? ': ' + errors : '');
    element.hidden = false;
    element.focus();
  }

  app.addEventListener('submit', async event => {
    const form = event.target;
    const error = form.querySelector('.error');
    event.preventDefault();
    error.hidden = true;
    const location = form.dataset.location;
    const f = form.elements;
    try {
      if (form.classList.contains('plan-form')) {
        await api(`/api/count-plans/${location}`, { method: 'PUT', json: {
          frequencyDays: { A: Number(f.freqA.value), B: Number(f.freqB.value), C: Number(f.freqC.value) },
          tolerancePercent: { A: Number(f.tolA.value), B: Number(f.tolB.value), C: Number(f.tolC.value) },
          valueThreshold: f.threshold.value.trim() === '' ? null : Number(f.threshold.value),
          workingDays: [...form.querySelectorAll('input[name=day]:checked')].map(i => i.value),
          enabled: f.enabled.checked,
        } });
      } else if (form.classList.contains('rule-form')) {
        const bins = f.bins.value.split(',').map(b => b.trim()).filter(b => b);
        await api(`/api/count-plans/${location}/rules`, { method: 'POST', json: {
          name: f.name.value.trim(), categoryId: f.category.value || null,
          bins: bins.length ? bins : null, frequencyDays: Number(f.frequency.value),
        } });
      } else {
        return;
      }
      window.location.reload();
    } catch (e) {
      fail(error, e);
    }
  });

  app.addEventListener('click', async event => {
    const button = event.target.closest('button[data-remove-rule]');
    if (!button) return;
    try {
      await api(`/api/count-plans/${button.dataset.location}/rules/${button.dataset.removeRule}`, { method: 'DELETE' });
      window.location.reload();
    } catch (e) {
      button.textContent = 'Not removed: ' + (e.message || 'error');
    }
  });
})();
