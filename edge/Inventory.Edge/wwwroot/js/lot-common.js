// Shared by the lot pages and the product page: a lot's expiry coloured (expired red, within 30 days amber) and its
// status as a badge. Days count in UTC, as the box's "today" does.
(function () {
  'use strict';
  const { esc } = window.inv;
  const soonDays = 30;
  const dayMs = 86400000;

  /** Whole days from today (UTC) to an ISO date (yyyy-MM-dd); negative once past. */
  function daysLeft(expiry) {
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    return Math.round((Date.parse(expiry) - today) / dayMs);
  }

  /** The expiry date in a span whose class says how close it is: error (expired), warn (within 30 days). */
  function expiryHtml(expiry, status) {
    if (!expiry) return '<span class="muted">none</span>';
    const left = daysLeft(expiry);
    const css = status === 'expired' || left < 0 ? 'error expired' : left <= soonDays ? 'warn expiring' : 'fresh';
    const title = left < 0 ? `expired ${-left} days ago` : `${left} days left`;
    return `<span class="${css}" title="${esc(title)}">${esc(expiry)}</span>`;
  }

  function statusHtml(status) {
    const css = status === 'available' ? 'st-ok' : status === 'hold' ? 'st-low' : 'st-out';
    return `<span class="badge ${css} lot-status">${esc(status)}</span>`;
  }

  window.invLots = { daysLeft, expiryHtml, statusHtml };
})();
