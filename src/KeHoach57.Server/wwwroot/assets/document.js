/* Marks the cited passage (from #chunk-… or ?highlight=…) and brings it into view. CSS :target covers the no-script case. */
(function () {
  'use strict';

  function anchorFromHash() {
    var hash = location.hash || '';
    if (hash.indexOf('#chunk-') !== 0) return null;
    try { return decodeURIComponent(hash.slice(7)); } catch (e) { return hash.slice(7); }
  }

  function mark() {
    var anchor = anchorFromHash() || document.body.getAttribute('data-highlight');
    var target = anchor ? document.getElementById('chunk-' + anchor) : null;
    if (!target) return;
    Array.prototype.forEach.call(document.querySelectorAll('.chunk.highlight'), function (node) {
      node.classList.remove('highlight');
      node.removeAttribute('aria-current');
    });
    target.classList.add('highlight');
    target.setAttribute('aria-current', 'true');
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  mark();
  window.addEventListener('hashchange', mark);
})();
