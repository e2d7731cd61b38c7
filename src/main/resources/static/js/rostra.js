// Small page helpers shared by every page; htmx does the rest.
(function () {
  // Relative times are computed here, from the ISO instant the server put in datetime, never by the server: a page
  // served from a cache or left open for an hour still tells the truth. The exact time (company zone) stays on hover.
  function ago(seconds) {
    const abs = Math.abs(seconds);
    const units = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
    for (const [size, name] of units) {
      if (abs >= size || size === 1) {
        const n = Math.floor(abs / size);
        if (size === 1 && n < 10) return 'just now';
        return seconds >= 0 ? `${n} ${name} ago` : `in ${n} ${name}`;
      }
    }
  }

  function lasted(seconds) {
    const s = Math.max(0, seconds);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return `${d}d ${h}h`;
    if (h > 0) return `${h}h ${m}m`;
    return m > 0 ? `${m}m ${s % 60}s` : `${s}s`;
  }

  function renderTimes(root) {
    root.querySelectorAll('time[data-relative]').forEach(el => {
      const at = Date.parse(el.getAttribute('datetime'));
      if (isNaN(at)) return;
      const seconds = Math.round((Date.now() - at) / 1000);
      el.textContent = el.dataset.relative === 'duration' ? lasted(seconds) : ago(seconds);
      el.dataset.rendered = 'browser';
    });
  }

  // Sparklines on the Queues page: the values travel in data-values.
  function renderSparks(root) {
    root.querySelectorAll('svg.spark').forEach(svg => {
      const values = (svg.dataset.values || '').split(',').filter(v => v !== '').map(Number);
      if (values.length < 2) return;
      const max = Math.max(1, ...values);
      const points = values.map((v, i) => `${(i / (values.length - 1)) * 100},${24 - (v / max) * 22}`).join(' ');
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', 'currentColor');
      line.setAttribute('stroke-width', '1.5');
      line.setAttribute('points', points);
      svg.replaceChildren(line);
    });
  }

  // No inline handlers anywhere (the Content-Security-Policy forbids them): behaviour hangs off data-* attributes,
  // delegated from the document so content swapped in by htmx behaves the same.
  document.addEventListener('submit', e => {
    const form = e.target.closest ? e.target.closest('form[data-confirm]') : null;
    if (form && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('change', e => {
    const el = e.target;
    if (el.matches && el.matches('[data-autosubmit]') && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
    if (el.matches && el.matches('input[data-select-all]')) {
      document.querySelectorAll(el.dataset.selectAll).forEach(c => { c.checked = el.checked; });
    }
    // Queue rules: the value box offers the values seen for whichever attribute its row tests.
    if (el.matches && el.matches('select[data-rule-attribute]')) {
      const input = el.closest('tr')?.querySelector('input[type=text]');
      if (input) input.setAttribute('list', 'values-' + el.value);
    }
  });

  document.addEventListener('DOMContentLoaded', () => {
    renderTimes(document);
    setInterval(() => renderTimes(document), 15000);
    renderSparks(document);
    document.body.addEventListener('htmx:afterSwap', e => { renderTimes(e.target); renderSparks(e.target); });
    document.body.addEventListener('htmx:configRequest', e => {
      const token = document.querySelector('meta[name="_csrf"]')?.content;
      const header = document.querySelector('meta[name="_csrf_header"]')?.content;
      if (token && header) e.detail.headers[header] = token;
    });
    document.querySelectorAll('[data-copy]').forEach(button => button.addEventListener('click', () => {
      const text = document.querySelector(button.dataset.copy)?.textContent;
      if (text && navigator.clipboard) navigator.clipboard.writeText(text.trim()).then(() => button.textContent = 'Copied');
    }));
  });
})();
