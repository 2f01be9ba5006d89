// Managers add an account (POST /api/users) and set the sites where it may sign in (PUT /api/users/{id});
// the list is GET /api/users. No sites listed means every site.
(function () {
  'use strict';
  const { api, esc, when, problem } = window.inv;
  const form = document.getElementById('add-user');
  const error = document.getElementById('user-error');
  const added = document.getElementById('user-added');
  const rows = document.getElementById('user-rows');
  const sitesError = document.getElementById('sites-error');
  const sitesSaved = document.getElementById('sites-saved');

  const codes = text => text.split(/[\s,]+/).filter(Boolean);
  const shown = sites => sites.length ? sites.join(', ') : 'every site';

  async function load() {
    const users = await api('/api/users');
    rows.innerHTML = users.map(u => `<tr data-user="${esc(u.username)}"><th scope="row">${esc(u.username)}</th><td>${esc(u.role)}</td>
      <td>${u.isActive ? 'yes' : 'no'}</td>
      <td><form class="user-sites" data-id="${esc(u.id)}" data-username="${esc(u.username)}">
        <input name="sites" value="${esc(u.sites.join(', '))}" placeholder="every site" maxlength="1100" autocomplete="off"
          autocapitalize="characters" spellcheck="false" aria-label="Sites of ${esc(u.username)}">
        <button type="submit">Save</button></form></td>
      <td>${esc(when(u.createdAt))}</td></tr>`).join('');
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    added.textContent = '';
    const body = {
      username: document.getElementById('user-name').value.trim(),
      password: document.getElementById('user-password').value,
      role: document.getElementById('user-role').value,
      sites: codes(document.getElementById('user-sites').value),
    };
    try {
      const user = await api('/api/users', { method: 'POST', json: body });
      added.textContent = `Added ${user.username} (${user.role}, ${shown(user.sites)}).`;
      form.reset();
      await load();
    } catch (err) {
      error.textContent = problem(err);
      error.hidden = false;
    }
  });

  // One listener for every row's form: the rows are drawn again after each change.
  rows.addEventListener('submit', async e => {
    const row = e.target.closest('form.user-sites');
    if (!row) return;
    e.preventDefault();
    sitesError.hidden = true;
    sitesSaved.textContent = '';
    try {
      const user = await api(`/api/users/${encodeURIComponent(row.dataset.id)}`,
        { method: 'PUT', json: { sites: codes(row.elements.sites.value) } });
      sitesSaved.textContent = `${user.username} may sign in at ${shown(user.sites)}.`;
      await load();
    } catch (err) {
      sitesError.textContent = `${row.dataset.username}: ${problem(err)}`;
      sitesError.hidden = false;
    }
  });
  load().catch(err => { error.textContent = err.message; error.hidden = false; });
})();
