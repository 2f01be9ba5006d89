// Scanners and printers through /api/devices: register (the secret is shown this once) and revoke.
(function () {
  'use strict';
  const { api, esc, problem } = window.inv;
  const rows = document.getElementById('device-rows');
  const empty = document.getElementById('devices-empty');
  const form = document.getElementById('device-form');
  const result = document.getElementById('device-result');
  const secretBox = document.getElementById('device-secret');

  async function load() {
    const devices = await api('/api/devices');
    rows.innerHTML = devices.map(d => `<tr data-device="${esc(d.deviceId)}">
      <td>${esc(d.deviceId)}</td><td>${esc(d.kind)}</td><td>${esc(d.name)}</td>
      <td>${esc(new Date(d.createdAt).toLocaleString())}</td>
      <td>${d.revokedAt ? 'revoked ' + esc(new Date(d.revokedAt).toLocaleString()) : d.connected ? 'connected' : 'not connected'}</td>
      <td>${d.revokedAt ? '' : '<button type="button" data-revoke>Revoke</button>'}</td></tr>`).join('');
    empty.hidden = devices.length > 0;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    secretBox.hidden = true;
    try {
      const created = await api('/api/devices', {
        method: 'POST',
        json: { deviceId: form.elements.deviceId.value.trim(), kind: form.elements.kind.value, name: form.elements.name.value.trim() || null },
      });
      document.getElementById('device-secret-id').textContent = created.deviceId;
      document.getElementById('device-secret-value').textContent = created.secret;
      secretBox.hidden = false;
      result.className = 'ok-text';
      result.textContent = `Registered ${created.deviceId}.`;
      form.reset();
      await load();
    } catch (e) {
      result.className = 'error';
      result.textContent = problem(e);
    }
  });

  rows.addEventListener('click', async event => {
    const button = event.target.closest('button[data-revoke]');
    if (!button) return;
    const id = button.closest('tr').dataset.device;
    if (!window.confirm(`Revoke ${id}? Its secret stops working and it is disconnected.`)) return;
    button.disabled = true;
    try {
      await api(`/api/devices/${encodeURIComponent(id)}`, { method: 'DELETE' });
      result.className = 'ok-text';
      result.textContent = `Revoked ${id}.`;
      await load();
    } catch (e) {
      result.className = 'error';
      result.textContent = problem(e);
      button.disabled = false;
    }
  });

  load();
})();
