// The scan page. Every scan that moves stock gets its movement id here (a UUIDv7), is written to IndexedDB
// first and then sent to POST /api/scan; while the box cannot be reached it waits there and is sent on the
// `online` event or the retry timer. The edge records one movement per id, so a scan sent twice (the answer
// was lost, the page was reloaded mid-send) still counts once.
(function () {
  'use strict';
  const app = document.getElementById('scan-app');
  const user = app.dataset.user;
  const form = document.getElementById('scan-form');
  const barcode = document.getElementById('barcode');
  const result = document.getElementById('result');
  const net = document.getElementById('net-status');
  const pendingCount = document.getElementById('pending-count');
  const history = document.getElementById('history');
  const locationSelect = document.getElementById('location');
  const toLocationSelect = document.getElementById('to-location');
  const toLocationField = document.getElementById('to-location-field');
  const bin = document.getElementById('bin');
  const qty = document.getElementById('qty');
  // Receive against a purchase order: absent from the page for roles that may not.
  const poField = document.getElementById('po-field');
  const poInput = document.getElementById('purchase-order');
  const PO_NUMBER = /^PO-[A-Z0-9_-]+-\d+$/i;
  // Count mode into an open cycle count: scan a bin, then its items; the box adds them up and keeps the bin.
  const countField = document.getElementById('cycle-count-field');
  const countSelect = document.getElementById('cycle-count');
  const cameraButton = document.getElementById('camera');
  const video = document.getElementById('camera-view');
  const RETRY_MS = 5000;

  // ---- settings remembered on this handheld
  const saved = key => localStorage.getItem('inventory.scan.' + key);
  const save = (key, value) => localStorage.setItem('inventory.scan.' + key, value);
  function restore(select, key) {
    const value = saved(key);
    if (value && [...select.options].some(o => o.value === value)) select.value = value;
  }
  restore(locationSelect, 'location');
  restore(toLocationSelect, 'toLocation');
  bin.value = saved('bin') || '';
  if (poInput) {
    poInput.value = saved('po') || '';
    poInput.addEventListener('change', () => { poInput.value = poInput.value.trim().toUpperCase(); save('po', poInput.value); });
  }
  const purchaseOrder = () => (poInput && mode() === 'receive' ? poInput.value.trim() : '');
  const modes = [...document.querySelectorAll('input[name="mode"]')];
  const savedMode = saved('mode');
  (modes.find(m => m.value === savedMode) || modes[0]).checked = true;
  const mode = () => (modes.find(m => m.checked) || {}).value || 'lookup';
  function modeChanged() {
    toLocationField.hidden = mode() !== 'move';
    if (poField) poField.hidden = mode() !== 'receive';
    qty.min = mode() === 'count' ? '0' : '1';
    countField.hidden = mode() !== 'count';
    if (mode() === 'count') loadCounts();
    save('mode', mode());
    countChanged();
  }
  const cycleCount = () => (mode() === 'count' ? countSelect.value : '');
  function countChanged() {
    // Counting into a count, the box keeps the current bin (set by scanning a bin's code): the field only shows it.
    bin.readOnly = !!cycleCount();
    save('cycleCount', countSelect.value);
  }
  // The open counts of the chosen location, from the counts API (the list has no expected quantities).
  async function loadCounts() {
    const keep = countSelect.value || saved('cycleCount');
    try {
      const res = await fetch('/api/cycle-counts?status=open&limit=100', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      if (!res.ok) return;
      const page = await res.json();
      countSelect.length = 1;
      for (const c of page.items.filter(c => c.locationCode === locationSelect.value)) {
        countSelect.add(new Option(`${c.number} · ${c.linesCounted}/${c.linesTotal} lines`, c.id));
      }
      if (keep && [...countSelect.options].some(o => o.value === keep)) countSelect.value = keep;
      countChanged();
    } catch (e) { /* offline: the list stays as it was */ }
  }
  countSelect.addEventListener('change', () => { countChanged(); barcode.focus(); });
  modes.forEach(m => m.addEventListener('change', () => { modeChanged(); barcode.focus(); }));
  modeChanged();
  locationSelect.addEventListener('change', () => { save('location', locationSelect.value); showNextLot(); if (mode() === 'count') loadCounts(); });
  toLocationSelect.addEventListener('change', () => save('toLocation', toLocationSelect.value));
  bin.addEventListener('change', () => save('bin', bin.value.trim()));

  // ---- pick mode: the lot to take, shown before the pick (GET /api/lots/next, the writer's FEFO rules, read-only).
  // The product is known once a code typed into the field resolves (a lookup, debounced) or after a pick of it.
  const pickNext = document.getElementById('pick-next');
  let nextProductId = null;
  let nextAsked = 0;
  async function showNextLot(productId) {
    if (productId !== undefined) nextProductId = productId;
    const option = locationSelect.selectedOptions[0];
    if (mode() !== 'pick' || !nextProductId || !option || !option.dataset.id) { pickNext.hidden = true; return; }
    const asked = ++nextAsked;
    try {
      const res = await fetch('/api/lots/next?' + new URLSearchParams({ productId: nextProductId, locationId: option.dataset.id }),
        { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      if (asked !== nextAsked) return; // a newer question is on its way
      if (res.status === 404) {
        pickNext.textContent = 'Nothing to take here: none on hand, or only held or expired lots.';
      } else if (res.ok) {
        const n = await res.json();
        const from = n.bin ? `bin ${n.bin}` : `${option.value}, no bin`;
        pickNext.textContent = n.lot
          ? `Take lot ${n.lot} from ${from}${n.expiry ? ` (expires ${n.expiry})` : ''}`
          : `Take from ${from} (no lot)`;
      } else {
        pickNext.hidden = true;
        return;
      }
      pickNext.hidden = false;
    } catch (e) {
      if (asked === nextAsked) pickNext.hidden = true; // offline: the pick's own answer names the lot when it is sent
    }
  }
  modes.forEach(m => m.addEventListener('change', () => showNextLot()));
  let typedTimer = null;
  barcode.addEventListener('input', () => {
    clearTimeout(typedTimer);
    const code = barcode.value.trim();
    if (mode() !== 'pick' || code.length < 3) return;
    typedTimer = setTimeout(async () => {
      try {
        const res = await send({ id: null, code, action: 'lookup', location: locationSelect.value, bin: null, qty: null, at: new Date().toISOString() });
        const answer = await res.json();
        if (barcode.value.trim() !== code) return; // typed on meanwhile
        if (answer.ok && answer.product) await showNextLot(answer.product.id);
      } catch (e) { /* the preview is a convenience */ }
    }, 400);
  });

  // ---- IndexedDB: the queue of scans not yet answered by the box
  const dbReady = new Promise((resolve, reject) => {
    const open = indexedDB.open('inventory-scan', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('pending', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  async function store(mode, work) {
    const db = await dbReady;
    return new Promise((resolve, reject) => {
      const tx = db.transaction('pending', mode);
      const request = work(tx.objectStore('pending'));
      tx.oncomplete = () => resolve(request && request.result);
      tx.onerror = () => reject(tx.error);
    });
  }
  const putPending = scan => store('readwrite', s => s.put(scan));
  const deletePending = id => store('readwrite', s => s.delete(id));
  const allPending = async () => ((await store('readonly', s => s.getAll())) || [])
    .filter(s => s.user === user).sort((a, b) => (a.at < b.at ? -1 : 1));

  async function showPending() {
    pendingCount.textContent = String((await allPending()).length);
  }

  // ---- feedback: big text, a beep, a buzz
  let audio = null;
  function beep(ok) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = ok ? 1200 : 220;
      osc.type = ok ? 'sine' : 'square';
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + (ok ? 0.12 : 0.45));
    } catch (e) { /* no audio on this device */ }
    if (navigator.vibrate) navigator.vibrate(ok ? 60 : [200, 80, 200]);
  }

  function show(kind, message, detail) {
    result.className = 'result ' + kind;
    result.textContent = message;
    if (detail) {
      const small = document.createElement('small');
      small.textContent = detail;
      result.appendChild(small);
    }
  }

  function historyItem(scan) {
    let li = history.querySelector(`li[data-id="${scan.id}"]`);
    if (!li) {
      li = document.createElement('li');
      li.dataset.id = scan.id;
      history.prepend(li);
      while (history.children.length > 30) history.lastElementChild.remove();
    }
    return li;
  }

  function record(scan, state, message) {
    const li = historyItem(scan);
    li.dataset.state = state;
    li.textContent = `${scan.action}${scan.purchaseOrder ? ' ' + scan.purchaseOrder : ''} ${scan.code} ×${scan.qty}: ${message}`;
  }

  function setOnline(online) {
    net.classList.toggle('offline', !online);
    net.textContent = online ? '' : 'Box not reachable: scans are kept on this device and sent when it is back.';
  }

  function levelText(r) {
    return r.level ? `On hand ${r.level.quantity} · available ${r.level.available} (${r.level.status})` : '';
  }

  // ---- sending
  async function send(scan) {
    const body = { id: scan.id, code: scan.code, action: scan.action, location: scan.location, bin: scan.bin || null, qty: scan.qty, at: scan.at };
    if (scan.toLocation) body.toLocation = scan.toLocation;
    // Into a cycle count the box knows the location and keeps the bin; the quantity is what to add (1 a scan).
    if (scan.cycleCountId) { body.cycleCountId = scan.cycleCountId; delete body.location; delete body.bin; }
    // Against a PO the stock goes to the PO's location: the box picks it, so none is sent.
    if (scan.purchaseOrder) { body.purchaseOrder = scan.purchaseOrder; delete body.location; }
    return fetch('/api/scan', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Inventory-Client': 'web' },
      body: JSON.stringify(body),
    });
  }

  // One send loop at a time; a scan made meanwhile makes the running loop go round again, and its caller
  // awaits that same loop.
  let running = null;
  let again = false;
  function flush() {
    if (running) { again = true; return running; }
    running = drain().finally(() => { running = null; });
    return running;
  }
  async function drain() {
    try {
      do {
        again = false;
        for (const scan of await allPending()) {
          let res;
          try {
            res = await send(scan);
          } catch (e) {
            setOnline(false);
            return; // still unreachable: the timer and the online event try again
          }
          setOnline(true);
          if (res.status === 401) {
            show('err', 'Signed out', 'Sign in again: waiting scans are kept and sent after.');
            return;
          }
          if (res.status >= 500) return; // the box is up but unwell: keep and retry
          let answer = null;
          try { answer = await res.json(); } catch (e) { /* no body */ }
          await deletePending(scan.id);
          if (res.ok && answer) {
            record(scan, answer.ok ? 'sent' : 'failed', answer.message);
            // After a pick, what the next pick of the same product takes.
            if (scan.action === 'pick' && answer.product) showNextLot(answer.product.id);
            if (answer.ok && answer.cycleCountId && typeof answer.bin === 'string') bin.value = answer.bin;
            if (scan.id === lastScanId) {
              show(answer.ok ? 'ok' : 'err', answer.message, levelText(answer));
              beep(answer.ok);
            } else if (!answer.ok) {
              beep(false);
            }
          } else {
            const message = (answer && (answer.detail || answer.title)) || ('Refused (' + res.status + ')');
            record(scan, 'failed', message);
            if (scan.id === lastScanId) show('err', message);
            beep(false);
          }
          await showPending();
        }
      } while (again);
    } finally {
      await showPending();
    }
  }

  async function lookup(code) {
    try {
      const res = await send({ id: null, code, action: 'lookup', location: locationSelect.value, bin: null, qty: null, at: new Date().toISOString() });
      setOnline(true);
      const answer = await res.json();
      show(answer.ok ? 'ok' : 'err', answer.message || 'Refused', levelText(answer));
      beep(!!answer.ok);
    } catch (e) {
      setOnline(false);
      show('err', 'Lookup needs the box', 'It is not reachable now.');
      beep(false);
    }
  }

  let lastScanId = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const code = barcode.value.trim();
    clearTimeout(typedTimer);
    barcode.value = '';
    barcode.focus();
    if (!code) return;
    const action = mode();
    if (poInput && action === 'receive' && PO_NUMBER.test(code)) {
      // A scanned PO number picks the order; the items scanned next are received against it.
      poInput.value = code.toUpperCase();
      save('po', poInput.value);
      show('ok', 'PO ' + poInput.value, 'Now scan the items.');
      beep(true);
      return;
    }
    if (action === 'lookup') {
      await lookup(code);
      return;
    }
    const n = parseInt(qty.value, 10);
    if (!Number.isFinite(n) || n < (action === 'count' ? 0 : 1)) {
      show('err', 'Bad quantity');
      beep(false);
      return;
    }
    const scan = {
      id: window.inv.newId(), user, code, action, qty: n,
      location: locationSelect.value, bin: bin.value.trim(), cycleCountId: action === 'count' ? cycleCount() || null : null,
      toLocation: action === 'move' ? toLocationSelect.value : null,
      purchaseOrder: purchaseOrder() || null,
      at: new Date().toISOString(),
    };
    lastScanId = scan.id;
    await putPending(scan);
    record(scan, 'queued', 'waiting');
    show('wait', `${action} ${code}`, 'Sending…');
    await showPending();
    await flush();
    if (lastScanId === scan.id && (await allPending()).some(s => s.id === scan.id)) {
      show('wait', 'Saved on this device', `${action} ${code} ×${n}: sent when the box is back.`);
      beep(true);
    }
  });

  // Keyboard-wedge scanners type into whatever has focus: keep it on the Barcode field.
  document.addEventListener('keydown', event => {
    const t = event.target;
    if (event.key.length === 1 && !(t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement)) {
      barcode.focus();
    }
  });

  window.addEventListener('online', flush);
  window.addEventListener('offline', () => setOnline(false));
  setInterval(flush, RETRY_MS);
  showPending().then(flush);

  // ---- camera: the browser's BarcodeDetector, else the ZXing decoder from npm
  let stream = null;
  let zxingReader = null;
  function stopCamera() {
    if (zxingReader) { zxingReader.reset(); zxingReader = null; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
    video.hidden = true;
    cameraButton.textContent = 'Camera';
  }
  function scanned(text) {
    stopCamera();
    barcode.value = text;
    form.requestSubmit();
  }
  function loadZxing() {
    return window.ZXing ? Promise.resolve() : new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/lib/zxing.min.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  async function startCamera() {
    video.hidden = false;
    cameraButton.textContent = 'Stop camera';
    if ('BarcodeDetector' in window) {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      await video.play();
      const detector = new window.BarcodeDetector();
      const tick = async () => {
        if (!stream) return;
        try {
          const found = await detector.detect(video);
          if (found.length > 0) { scanned(found[0].rawValue); return; }
        } catch (e) { /* a frame not ready yet */ }
        setTimeout(tick, 150);
      };
      tick();
    } else {
      await loadZxing();
      zxingReader = new window.ZXing.BrowserMultiFormatReader();
      const r = await zxingReader.decodeOnceFromVideoDevice(undefined, video);
      scanned(r.getText());
    }
  }
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    cameraButton.hidden = false;
    cameraButton.addEventListener('click', () => {
      if (stream || zxingReader) { stopCamera(); return; }
      startCamera().catch(e => { stopCamera(); show('err', 'Camera unavailable', e.message); });
    });
  }
  barcode.focus();
})();
