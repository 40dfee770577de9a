// Uploads a figures file with a progress bar: the form is sent as it would be without script (the same
// fields, the anti-forgery token among them), and the answer page replaces this one. Without script the
// form still posts and the answer shows the same.
(function () {
  'use strict';

  function bind(root) {
    var form = root.querySelector('form[data-upload]');
    if (!form) {
      return;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var progress = form.querySelector('.upload-progress');
      var button = form.querySelector('button[type="submit"]');
      var request = new XMLHttpRequest();
      request.open('POST', form.action || window.location.href);
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      request.addEventListener('load', function () {
        var answer = new DOMParser().parseFromString(request.responseText, 'text/html');
        document.body.replaceWith(answer.body);
        bind(document);
      });
      request.addEventListener('error', function () {
        button.disabled = false;
        progress.hidden = true;
        window.alert('上传失败：网络中断，请重试。');
      });
      progress.hidden = false;
      progress.value = 0;
      button.disabled = true;
      request.send(new FormData(form));
    });
  }

  bind(document);
}());
