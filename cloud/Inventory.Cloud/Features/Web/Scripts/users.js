// Managers add an account (POST /api/users); the list is GET /api/users.
(function () {
  'use strict';
  const { api, esc, when, problem } = window.inv;
  const form = document.getElementById('add-user');
  const error = document.getElementById('user-error');
  const added = document.getElementById('user-added');
  const rows = document.getElementById('user-rows');

  async function load() {
    const users = await api('/api/users');
    rows.innerHTML = users.map(u => `<tr data-user="${esc(u.username)}"><th scope="row">${esc(u.username)}</th><td>${esc(u.role)}</td>
      <td>${u.isActive ? 'yes' : 'no'}</td><td>${esc(when(u.createdAt))}</td></tr>`).join('');
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    added.textContent = '';
    const body = {
      username: document.getElementById('user-name').value.trim(),
      password: document.getElementById('user-password').value,
      role: document.getElementById('user-role').value,
    };
    try {
      const user = await api('/api/users', { method: 'POST', json: body });
      added.textContent = `Added ${user.username} (${user.role}).`;
      form.reset();
      await load();
    } catch (err) {
      error.textContent = problem(err);
      error.hidden = false;
    }
  });
  load().catch(err => { error.textContent = err.message; error.hidden = false; });
})();
