// Uploads a catalog CSV (POST /api/products/bulk-import, field "file"), then polls the job's status URL and
// shows its counts and, once it is done, the rows that were not imported.
(function () {
  'use strict';
  const { api, esc, count } = window.inv;
  const form = document.getElementById('import-form');
  const error = document.getElementById('import-error');
  const job = document.getElementById('import-job');
  const status = document.getElementById('job-status');
  const errors = document.getElementById('job-errors');
  const errorRows = document.getElementById('job-error-rows');
  const more = document.getElementById('job-more-errors');
  const warnings = document.getElementById('job-warnings');
  const done = s => s === 'completed' || s === 'failed';

  function show(view) {
    document.getElementById('job-file').textContent = view.fileName || '';
    job.querySelectorAll('[data-count]').forEach(dd => { dd.textContent = count.format(view[dd.dataset.count] || 0); });
    status.textContent = view.status === 'completed' ? 'Completed.'
      : view.status === 'failed' ? 'Failed' + (view.message ? ': ' + view.message : '.')
      : view.status === 'running' ? 'Importing…' : 'Waiting to start…';
    status.className = view.status === 'failed' ? 'error' : view.status === 'completed' ? 'ok-text' : '';
    job.dataset.status = view.status;
    warnings.innerHTML = (view.warnings || []).map(w => `<li>${esc(w)}</li>`).join('');
    if (!done(view.status)) return;
    errorRows.innerHTML = (view.errors || []).map(e =>
      `<tr><td class="num">${esc(e.row)}</td><td>${esc(e.column || '—')}</td><td>${esc(e.message)}</td></tr>`).join('');
    errors.hidden = !view.errors || view.errors.length === 0;
    more.hidden = !view.moreErrors;
    more.textContent = view.moreErrors ? `And ${count.format(view.moreErrors)} more errors not listed.` : '';
  }

  async function poll(url) {
    for (;;) {
      const view = await api(url);
      show(view);
      if (done(view.status)) return;
      await new Promise(r => setTimeout(r, 500));
    }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const data = new FormData();
      data.append('file', form.elements.file.files[0]);
      const accepted = await api('/api/products/bulk-import', { method: 'POST', body: data });
      job.hidden = false;
      errors.hidden = true;
      show({ status: accepted.status });
      await poll(accepted.statusUrl);
    } catch (e) {
      error.textContent = e.message || 'Not imported';
      error.hidden = false;
      error.focus();
    } finally {
      button.disabled = false;
    }
  });
})();
