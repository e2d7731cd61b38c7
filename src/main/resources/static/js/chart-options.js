// The options every Rostra chart starts from, so charts write numbers as the pages do (fmt.number on the server):
// thousands separators on the value axis and in tooltips, "12,345", whatever language the browser is set to.
// charts.js passes each chart's own options through RostraCharts.options(...); load this file before it.
window.RostraCharts = (function () {
  const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

  function number(value) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
    const v = Number(value);
    return (Number.isInteger(v) ? whole : tenths).format(v);
  }

  function isPlain(o) {
    return o !== null && typeof o === 'object' && !Array.isArray(o) && typeof o !== 'function';
  }

  // A chart's own options win; objects merge key by key so a chart can add to the axis without losing the format.
  function merge(base, own) {
    const out = Object.assign({}, base);
    Object.keys(own).forEach(k => {
      out[k] = isPlain(base[k]) && isPlain(own[k]) ? merge(base[k], own[k]) : own[k];
    });
    return out;
  }

  function options(own) {
    const base = {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { ticks: { callback: value => number(value) } } },
      plugins: {
        tooltip: { callbacks: { label: ctx => {
          const name = ctx.dataset && ctx.dataset.label ? ctx.dataset.label + ': ' : '';
          const y = ctx.parsed && typeof ctx.parsed === 'object' ? ctx.parsed.y : ctx.raw;
          return name + number(y);
        } } }
      }
    };
    return merge(base, own || {});
  }

  return { number, options };
})();
