// Start reading the SOP of /sops/{id} (and its print, edit and simulation pages) while the app's
// code loads; fetchSop takes the answer over (api.ts). A file, not an inline script: the
// Content-Security-Policy allows scripts from the server only.
(function () {
  var m = /^\/sops\/([a-z][a-z0-9-]*)(?:\/(?:cetak|ubah|simulasi))?\/?$/.exec(location.pathname);
  if (m && window.fetch) window.__sopPreload = { id: m[1], response: fetch('/api/sops/' + m[1], { headers: { accept: 'application/json' } }) };
})();
