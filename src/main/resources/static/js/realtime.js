// Realtime: the table follows the live agent-state stream (server-sent events); each stored change refreshes it at
// once. While the stream is down the page polls every second, and EventSource reconnects by itself (sending
// Last-Event-ID; the server answers with a fresh snapshot).
(function () {
  const live = document.getElementById('live');
  if (!live || !window.EventSource) return;
  let poll = null;
  const refresh = () => document.body.dispatchEvent(new CustomEvent('rostra-state'));
  const startPolling = () => { if (!poll) poll = setInterval(refresh, 1000); };
  const stopPolling = () => { if (poll) { clearInterval(poll); poll = null; } };

  // The table is swapped whole on every change: the folded "logged out and not scheduled" list keeps the state the
  // lead gave it instead of snapping shut each time.
  let restingOpen = false;
  document.addEventListener('toggle', e => { if (e.target.id === 'resting') restingOpen = e.target.open; }, true);
  document.body.addEventListener('htmx:afterSwap', () => {
    const resting = document.getElementById('resting');
    if (resting && restingOpen) resting.open = true;
  });

  const stream = new EventSource(live.dataset.stream);
  stream.addEventListener('open', () => {
    document.body.dataset.stream = 'open';
    stopPolling();
    refresh();
  });
  stream.addEventListener('state', refresh);
  stream.addEventListener('error', () => {
    document.body.dataset.stream = 'down';
    startPolling();
  });
})();
