// Runs before the app's code. On a page whose code is loaded on demand, asks for that code at once,
// beside the app's own: the build names each page's files in a <meta> of index.html
// (vite.config.ts, src/build/route-preloads.ts); without this the browser asks for them only once
// the app's code has run. And starts reading the page's SOP: /sops/{id} (and its print and
// simulation pages) and the citizen's form /lapor/{id}; fetchSop takes the answer over (api.ts).
// The editor (/sops/{id}/ubah) edits the head, the newest version not rejected (ADR 0025): its
// answer is started instead, and fetchSopHead takes it over.
// A file, not an inline script: the Content-Security-Policy allows scripts from the server only.
(function () {
  var path = location.pathname.replace(/\/+$/, '');
  var sop = /^\/sops\/([a-z][a-z0-9-]*)(?:\/(cetak|ubah|simulasi))?$/.exec(path);
  // "baru" is the new-SOP page, not an SOP (router.tsx)
  if (sop && sop[1] === 'baru') sop = null;
  var form = /^\/lapor\/([a-z][a-z0-9-]*)$/.exec(path);
  var page = sop
    ? { '': 'view', cetak: 'print', ubah: 'editor' }[sop[2] || '']
    : form
      ? 'file'
      : /^\/tiket(\/[A-Za-z0-9-]{1,40})?$/.test(path)
        ? 'ticket'
        : null;
  var files = page && document.querySelector('meta[name="sop-' + page + '-preload"]');
  if (files) {
    files
      .getAttribute('content')
      .split(' ')
      .forEach(function (file) {
        if (!/^\/assets\/[\w.-]+\.(js|css)$/.test(file)) return;
        var link = document.createElement('link');
        if (/\.js$/.test(file)) link.rel = 'modulepreload';
        else {
          link.rel = 'preload';
          link.as = 'style';
        }
        // as the build's own script and style links ask (crossorigin): the preloaded answer is then the one used
        link.crossOrigin = '';
        link.href = file;
        document.head.appendChild(link);
      });
  }
  var id = sop ? sop[1] : form ? form[1] : null;
  if (!id || !window.fetch) return;
  var head = !!sop && sop[2] === 'ubah';
  window.__sopPreload = {
    id: id,
    head: head,
    response: fetch('/api/sops/' + id + (head ? '/head' : ''), { headers: { accept: 'application/json' } }),
  };
})();
