/* Fills the portal's document list from /api/documents; the static link stays when the API is not ready. */
(function () {
  'use strict';
  var list = document.querySelector('[data-documents]');
  if (!list || !window.fetch) return;
  fetch('/api/documents').then(function (r) { return r.ok ? r.json() : null; }).then(function (documents) {
    if (!documents || !documents.length) return;
    list.textContent = '';
    documents.forEach(function (doc) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = doc.url;
      link.textContent = doc.title || doc.id;
      item.appendChild(link);
      list.appendChild(item);
    });
  }).catch(function () { /* keep the static link */ });
})();
