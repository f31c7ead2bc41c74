// Start reading the SOP of /sops/{id} (and its print and simulation pages) while the app's code
// loads; fetchSop takes the answer over (api.ts). The editor (/sops/{id}/ubah) edits the head, the
// newest version not rejected (ADR 0025): its answer is started instead, and fetchSopHead takes it
// over. On the editor's route its code is asked for too, beside the app's own: the build names its
// files in <meta name="sop-editor-preload"> (src/build/route-preloads.ts); without this the browser
// asks for them only once the app's code has run.
// A file, not an inline script: the Content-Security-Policy allows scripts from the server only.
(function () {
  var m = /^\/sops\/([a-z][a-z0-9-]*)(?:\/(cetak|ubah|simulasi))?\/?$/.exec(location.pathname);
  if (!m || !window.fetch) return;
  var head = m[2] === 'ubah';
  var editorFiles = head && document.querySelector('meta[name="sop-editor-preload"]');
  if (editorFiles) {
    editorFiles
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
  window.__sopPreload = {
    id: m[1],
    head: head,
    response: fetch('/api/sops/' + m[1] + (head ? '/head' : ''), { headers: { accept: 'application/json' } }),
  };
})();
