// Theme: runs in <head> before the page paints, so the chosen theme never flashes.
// Without a stored choice the page follows the system preference (CSS prefers-color-scheme).
(function () {
  var root = document.documentElement;
  var key = 'paper-digest-theme';
  var stored = null;
  try {
    stored = localStorage.getItem(key);
  } catch {
    /* storage blocked: follow the system */
  }
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
  root.classList.add('has-theme-toggle');

  function current() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    function sync() {
      var dark = current() === 'dark';
      button.setAttribute('aria-pressed', String(dark));
    }
    sync();
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem(key, next);
      } catch {
        /* not remembered, still applied */
      }
      sync();
    });
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
  });
})();
