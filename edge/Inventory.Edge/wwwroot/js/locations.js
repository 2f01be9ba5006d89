// Locations from GET /api/locations, this site's first; a location's bins on demand. Creating locations and
// bins is offered to roles with ManageLocations, and bins only for this site's locations.
(function () {
  'use strict';
  const { api, esc } = window.inv;
  const app = document.getElementById('locations-app');
  const site = app.dataset.site;
  const canManage = app.dataset.canManage === 'true';
  const rows = document.getElementById('location-rows');
  const otherRows = document.getElementById('other-rows');
  const bins = document.getElementById('bins');
  const binForm = document.getElementById('bin-form');
  let locations = [];
  let current = null;

  function fail(element, e) {
    const errors = e.body && e.body.errors ? Object.values(e.body.errors).flat().join(' ') : '';
    element.textContent = (e.message || 'Not saved') + (errors ? ': ' + errors : '');
    element.hidden = false;
    element.focus();
  }

  const binsButton = l => `<button type="button" data-bins="${esc(l.id)}">Bins</button>`;

  async function load() {
    locations = await api('/api/locations');
    const own = locations.filter(l => l.siteCode === site);
    const others = locations.filter(l => l.siteCode !== site);
    rows.innerHTML = own.map(l => `<tr data-location="${esc(l.id)}"><td>${esc(l.code)}</td><td>${esc(l.name)}</td>
      <td>${esc(l.type.replace('_', ' '))}</td><td>${binsButton(l)}</td></tr>`).join('');
    otherRows.innerHTML = others.map(l => `<tr data-location="${esc(l.id)}"><td>${esc(l.siteCode)}</td><td>${esc(l.code)}</td>
      <td>${esc(l.name)}</td><td>${esc(l.type.replace('_', ' '))}</td><td>${binsButton(l)}</td></tr>`).join('');
    document.getElementById('locations-empty').hidden = own.length > 0;
    document.getElementById('other-sites').hidden = others.length === 0;
  }

  async function showBins(id) {
    current = locations.find(l => l.id === id);
    if (!current) return;
    const list = await api(`/api/locations/${id}/bins`);
    document.getElementById('bins-location').textContent = current.code + (current.siteCode === site ? '' : ` (${current.siteCode})`);
    document.getElementById('bin-list').innerHTML = list.map(b =>
      `<li data-bin="${esc(b.id)}">${esc(b.code)}${b.description ? ' <span class="muted">' + esc(b.description) + '</span>' : ''}${b.isActive ? '' : ' <span class="muted">(inactive)</span>'}</li>`).join('');
    document.getElementById('bins-empty').hidden = list.length > 0;
    binForm.hidden = !(canManage && current.siteCode === site);
    bins.hidden = false;
  }

  app.addEventListener('click', event => {
    const button = event.target.closest('button[data-bins]');
    if (button) showBins(button.dataset.bins);
  });

  const form = document.getElementById('location-form');
  if (form) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const error = document.getElementById('location-error');
      error.hidden = true;
      try {
        const created = await api('/api/locations', { method: 'POST', json: {
          code: form.elements.code.value.trim(), name: form.elements.name.value.trim(), type: form.elements.type.value,
        } });
        form.reset();
        await load();
        await showBins(created.id);
      } catch (e) {
        fail(error, e);
      }
    });
  }

  binForm.addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('bin-error');
    error.hidden = true;
    try {
      await api(`/api/locations/${current.id}/bins`, { method: 'POST', json: {
        code: binForm.elements.code.value.trim(), description: binForm.elements.description.value.trim() || null,
      } });
      binForm.reset();
      await showBins(current.id);
    } catch (e) {
      fail(error, e);
    }
  });

  load();
})();
