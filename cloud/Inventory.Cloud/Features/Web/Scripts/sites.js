// Managers add a site (POST /api/sites) and see its credential this once; the list is GET /api/sites.
(function () {
  'use strict';
  const { api, esc, ageHtml, duration, count, problem } = window.inv;
  const form = document.getElementById('add-site');
  const code = document.getElementById('site-code');
  const name = document.getElementById('site-name');
  const error = document.getElementById('site-error');
  const box = document.getElementById('credential');
  const rows = document.getElementById('site-rows');

  async function load() {
    const sites = await api('/api/sites');
    rows.innerHTML = sites.map(s => `<tr data-site="${esc(s.code)}"><th scope="row">${esc(s.code)}</th><td>${esc(s.name)}</td>
      <td>${s.hasCredential ? 'issued' : 'none'}</td><td>${ageHtml(s.lastContactAt)}</td><td>${ageHtml(s.lastPushAt)}</td>
      <td class="num">${esc(duration(s.lagSeconds))}</td><td class="num">${esc(count.format(s.pending))}</td>
      <td class="num">${esc(s.protocolVersion || '—')}</td></tr>`).join('');
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    box.hidden = true;
    try {
      const site = await api('/api/sites', { method: 'POST', json: { code: code.value.trim(), name: name.value.trim() } });
      document.getElementById('credential-site').textContent = site.code;
      document.getElementById('credential-value').textContent = site.credential;
      box.hidden = false;
      box.focus();
      form.reset();
      await load();
    } catch (err) {
      error.textContent = problem(err);
      error.hidden = false;
    }
  });
  load().catch(err => { error.textContent = err.message; error.hidden = false; });
})();
