// Small page helpers shared by every page; htmx does the rest.
(function () {
  const tz = document.querySelector('.zone')?.getAttribute('title') || undefined;

  function relative(date) {
    const seconds = Math.round((Date.now() - date.getTime()) / 1000);
    const abs = Math.abs(seconds);
    const units = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
    for (const [size, name] of units) {
      if (abs >= size || size === 1) {
        const n = Math.floor(abs / size);
        return seconds >= 0 ? `${n} ${name} ago` : `in ${n} ${name}`;
      }
    }
  }

  function renderTimes(root) {
    root.querySelectorAll('time[data-relative]').forEach(el => {
      const date = new Date(el.getAttribute('datetime'));
      if (isNaN(date)) return;
      el.title = date.toLocaleString(undefined, { timeZone: tz, dateStyle: 'medium', timeStyle: 'medium' });
      el.textContent = relative(date);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    renderTimes(document);
    document.body.addEventListener('htmx:afterSwap', e => renderTimes(e.target));
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
