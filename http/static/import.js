// Upload progress for the import form: the file is sent with XMLHttpRequest so that
// the officer sees how much has been uploaded; the server then redirects to the job's
// page, which shows the import's own progress.
(function () {
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var bar = document.getElementById("upload-progress");
    bar.hidden = false;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    };
    xhr.onload = function () { window.location.href = xhr.responseURL; };
    xhr.onerror = function () { form.submit(); };
    xhr.send(new FormData(form));
  });
})();
