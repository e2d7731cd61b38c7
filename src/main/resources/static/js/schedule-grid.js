// Schedules day view: drag a block to move it, drag an edge to resize it, in 15-minute steps. The change is sent as
// a page POST (the form carries the CSRF token); the server checks it (overlaps refused, contract limits as warnings)
// and redraws the day. A press without movement follows the block's link to its in-place edit form.
(function () {
  const STEP = 15;

  function start(e) {
    const block = e.target.closest('.day-view .block.editable');
    const form = document.getElementById('move-form');
    if (!block || !form || e.button !== 0) return;
    const track = block.parentElement;
    const dayMinutes = Number(document.getElementById('day-view').dataset.dayMinutes) || 1440;
    const mode = e.target.classList.contains('resize') ? (e.target.classList.contains('start') ? 'start' : 'end') : 'move';
    const origStart = Number(block.dataset.start);
    const origEnd = Number(block.dataset.end);
    const x0 = e.clientX;
    let from = origStart, to = origEnd, moved = false;
    e.preventDefault();

    function place() {
      block.style.left = (from * 100 / dayMinutes) + '%';
      block.style.width = ((to - from) * 100 / dayMinutes) + '%';
    }

    function move(ev) {
      const dx = ev.clientX - x0;
      if (!moved && Math.abs(dx) < 3) return;
      moved = true;
      block.classList.add('dragging');
      const delta = Math.round(dx / track.getBoundingClientRect().width * dayMinutes / STEP) * STEP;
      if (mode === 'move') {
        from = origStart + delta;
        to = origEnd + delta;
      } else if (mode === 'start') {
        from = Math.min(origStart + delta, origEnd - STEP);
      } else {
        to = Math.max(origEnd + delta, origStart + STEP);
      }
      place();
    }

    function up() {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
      block.classList.remove('dragging');
      if (!moved) {
        const link = block.querySelector('a.block-label');
        if (link) window.location.href = link.href;
        return;
      }
      if (from === origStart && to === origEnd) return;
      form.action = form.action.replace(/\/activities\/\d+\/edit/, '/activities/' + block.dataset.id + '/edit');
      document.getElementById('move-start').value = from;
      document.getElementById('move-end').value = to;
      form.submit();
    }

    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  }

  document.addEventListener('mousedown', start);
  // The links inside blocks are followed on release (above), not on click, so a drag never opens the editor.
  document.addEventListener('click', e => {
    if (e.detail > 0 && e.target.closest('.day-view .block.editable a.block-label')) e.preventDefault();
  });
})();
