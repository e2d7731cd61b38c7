// Forecast and staffing charts, each one's options through RostraCharts.options (static/js/chart-options.js).
// The series travel in data-* attributes of the canvas ('|'-separated), so the
// pages need no inline script (the Content-Security-Policy allows scripts from Rostra's own files only).
(function () {
  function list(canvas, name) {
    const raw = canvas.dataset[name];
    return raw ? raw.split('|') : [];
  }

  function numbers(canvas, name) {
    return list(canvas, name).map(v => (v === '' || v === 'null') ? null : Number(v));
  }

  const forecast = document.getElementById('forecast-chart');
  if (forecast) {
    const labels = list(forecast, 'labels');
    const predicted = numbers(forecast, 'predicted');
    const actual = numbers(forecast, 'actual');
    const intraday = numbers(forecast, 'intraday');
    const modelOnly = numbers(forecast, 'model');
    forecast.dataset.points = String(labels.length);
    forecast.dataset.intradayPoints = String(intraday.filter(v => v !== null).length);
    const nowIndex = forecast.dataset.now === undefined || forecast.dataset.now === '' ? -1 : Number(forecast.dataset.now);
    const datasets = [
      { label: 'Actual', data: actual, borderColor: '#2b7bb9', backgroundColor: '#2b7bb9', pointRadius: 0, borderWidth: 1.5, spanGaps: false },
      // The forecast the past was given stays visible, lighter, against what happened.
      { label: 'Forecast', data: predicted, borderColor: '#1e7b4d', backgroundColor: '#1e7b4d', borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5,
        segment: { borderColor: ctx => ctx.p1DataIndex <= nowIndex ? 'rgba(30, 123, 77, 0.4)' : '#1e7b4d' } }
    ];
    if (intraday.some(v => v !== null)) {
      datasets.push({ label: 'Intraday reforecast', data: intraday, borderColor: '#d9822b', backgroundColor: '#d9822b',
        pointRadius: 0, borderWidth: 2, spanGaps: false });
    }
    if (modelOnly.length === labels.length) {
      datasets.push({ label: 'Model (before adjustments)', data: modelOnly, borderColor: '#9aa5b1', backgroundColor: '#9aa5b1',
        borderDash: [2, 3], pointRadius: 0, borderWidth: 1 });
    }
    if (typeof Chart !== 'undefined') {
      // A vertical "now" line: where the actuals end and the forecast is all there is.
      const nowLine = {
        id: 'nowLine',
        afterDatasetsDraw(chart) {
          if (nowIndex < 0 || nowIndex >= labels.length) return;
          const x = chart.scales.x.getPixelForValue(nowIndex);
          const { top, bottom } = chart.chartArea;
          const g = chart.ctx;
          g.save();
          g.strokeStyle = '#c0392b';
          g.lineWidth = 1;
          g.beginPath(); g.moveTo(x, top); g.lineTo(x, bottom); g.stroke();
          g.fillStyle = '#c0392b';
          g.font = '11px sans-serif';
          g.fillText('now', x + 4, top + 12);
          g.restore();
        }
      };
      new Chart(forecast, {
        type: 'line',
        data: { labels, datasets },
        plugins: [nowLine],
        options: RostraCharts.options({ interaction: { mode: 'index', intersect: false },
          scales: {
            // Ticks only at midnight: the day's name on Mondays, its date on other days.
            x: { ticks: { autoSkip: false, maxRotation: 0, callback: (value, index) => {
              const label = labels[index] || '';
              if (!label.endsWith(' 00:00')) return null;
              const parts = label.split(' ');
              return parts[0] === 'Mon' ? 'Mon ' + parts[1] : parts[1];
            } }, grid: { color: ctx => (labels[ctx.index] || '').endsWith(' 00:00') ? '#e3e7ec' : 'transparent' } },
            y: { beginAtZero: true, title: { display: true, text: 'contacts per hour' } } },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line' } } } })
      });
    }
  }

  const published = document.getElementById('published-chart');
  if (published) {
    const labels = list(published, 'labels');
    const wape = numbers(published, 'wape');
    published.dataset.points = String(labels.length);
    if (typeof Chart !== 'undefined') {
      new Chart(published, {
        type: 'bar',
        data: { labels, datasets: [
          { label: 'WAPE of the published forecast (%)', data: wape, backgroundColor: '#1f5fae' }
        ]},
        options: RostraCharts.options({
          scales: { y: { beginAtZero: true, title: { display: true, text: 'WAPE %' } } },
          plugins: { legend: { position: 'bottom' } } })
      });
    }
  }

  const staffing = document.getElementById('staffing-chart');
  if (staffing) {
    const labels = list(staffing, 'labels');
    const required = numbers(staffing, 'required');
    const withShrinkage = numbers(staffing, 'withShrinkage');
    const scheduled = numbers(staffing, 'scheduled');
    staffing.dataset.points = String(labels.length);
    if (typeof Chart !== 'undefined') {
      new Chart(staffing, {
        type: 'bar',
        data: { labels, datasets: [
          { label: 'Scheduled', data: scheduled, type: 'line', borderColor: '#d9822b', backgroundColor: '#d9822b',
            pointRadius: 0, stepped: 'middle', order: 0 },
          { label: 'To schedule (with shrinkage)', data: withShrinkage, backgroundColor: '#1f5fae' },
          { label: 'On the channel', data: required, backgroundColor: '#9cc3e8' }
        ]},
        options: RostraCharts.options({ scales: { x: { stacked: false, ticks: { maxTicksLimit: 24 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'agents' } } },
          plugins: { legend: { position: 'bottom' } } })
      });
    }
  }
})();
