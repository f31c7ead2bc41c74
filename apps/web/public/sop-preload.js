// Start reading the SOP of /sops/{id} (and its print and simulation pages) while the app's code
// loads; fetchSop takes the answer over (api.ts). The editor (/sops/{id}/ubah) edits the head, the
// newest version not rejected (ADR 0025): its answer is started instead, and fetchSopHead takes it
// over. A file, not an inline script: the Content-Security-Policy allows scripts from the server only.
(function () {
  var m = /^\/sops\/([a-z][a-z0-9-]*)(?:\/(cetak|ubah|simulasi))?\/?$/.exec(location.pathname);
  if (!m || !window.fetch) return;
  var head = m[2] === 'ubah';
  window.__sopPreload = {
    id: m[1],
    head: head,
    response: fetch('/api/sops/' + m[1] + (head ? '/head' : ''), { headers: { accept: 'application/json' } }),
  };
})();
