// Progressive enhancement for every page; the pages work without it.
// 1. Print buttons (hidden without JavaScript; the browser's own print works anyway).
// 2. Pickers: search as one types. A picker is a GET search form that returns the page
//    with the matches; here the same URL is fetched as one types and the list of
//    choices is replaced, so there is no second search endpoint to keep in step.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) return;
  document.querySelectorAll("[data-picker]").forEach(function (box) {
    var id = box.getAttribute("data-picker");
    var input = document.getElementById(id + "-q");
    var list = document.getElementById(id + "-choices");
    if (!input || !list || !input.form) return;
    var timer = 0, seq = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var form = input.form, n = ++seq;
        var params = new URLSearchParams();
        new FormData(form).forEach(function (v, k) { if (typeof v === "string") params.append(k, v); });
        var url = form.getAttribute("action").split("#")[0] + "?" + params.toString();
        fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "picker" } })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) {
            if (n !== seq) return; // a later search has started
            var doc = new DOMParser().parseFromString(html, "text/html");
            var fresh = doc.getElementById(id + "-choices");
            if (fresh) list.innerHTML = fresh.innerHTML;
          })
          .catch(function () { /* the search button still works */ });
      }, 250);
    });
  });
})();
