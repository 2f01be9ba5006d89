// Accounts of this box through /api/users: create, change role, disable or enable, set a new password.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const app = document.getElementById('users-app');
  const roles = app.dataset.roles.split(',');
  const rows = document.getElementById('user-rows');
  const form = document.getElementById('user-form');
  const result = document.getElementById('user-result');

  function say(text, ok) {
    result.className = ok ? 'ok-text' : 'error';
    result.textContent = text;
  }

  async function load() {
    const users = await api('/api/users');
    rows.innerHTML = users.map(u => `<tr data-user="${esc(u.id)}" data-username="${esc(u.username)}">
      <td>${esc(u.username)}</td>
      <td><label class="sr-only" for="role-${esc(u.id)}">Role of ${esc(u.username)}</label>
        <select id="role-${esc(u.id)}" data-role>${roles.map(r => `<option value="${r}"${r === u.role ? ' selected' : ''}>${r}</option>`).join('')}</select></td>
      <td>${u.isActive ? 'active' : 'disabled'}${u.locked ? ' · locked' : ''}</td>
      <td>${esc(new Date(u.createdAt).toLocaleDateString())}</td>
      <td><label class="sr-only" for="pw-${esc(u.id)}">New password for ${esc(u.username)}</label>
        <input id="pw-${esc(u.id)}" type="password" autocomplete="new-password" data-password></td>
      <td><button type="button" data-action="password">Set password</button>
        <button type="button" data-action="${u.isActive ? 'disable' : 'enable'}">${u.isActive ? 'Disable' : 'Enable'}</button></td></tr>`).join('');
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const username = form.elements.username.value.trim();
    try {
      await api('/api/users', { method: 'POST', json: { username, password: form.elements.password.value, role: form.elements.role.value } });
      say(`Created ${username}.`, true);
      form.reset();
      await load();
    } catch (e) { say(problem(e), false); }
  });

  rows.addEventListener('change', async event => {
    const select = event.target.closest('select[data-role]');
    if (!select) return;
    const tr = select.closest('tr');
    try {
      await api(`/api/users/${tr.dataset.user}/role`, { method: 'PUT', json: { role: select.value } });
      say(`${tr.dataset.username} is now ${select.value}.`, true);
    } catch (e) { say(problem(e), false); }
    await load();
  });

  rows.addEventListener('click', async event => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const tr = button.closest('tr');
    const action = button.dataset.action;
    button.disabled = true;
    try {
      if (action === 'password') {
        await api(`/api/users/${tr.dataset.user}/password`, { method: 'POST', json: { password: tr.querySelector('[data-password]').value } });
        say(`New password set for ${tr.dataset.username}; their sessions have ended.`, true);
      } else {
        await api(`/api/users/${tr.dataset.user}/${action}`, { method: 'POST' });
        say(`${tr.dataset.username} ${action}d.`, true);
      }
      await load();
    } catch (e) {
      say(problem(e), false);
      button.disabled = false;
    }
  });

  load();
})();
