// Progressive enhancement for the white paper editor: "Brug markeret tekst" copies the text selected
// in a response into that response's point form. Without JavaScript the secretariat pastes instead.
(function () {
  "use strict";
  document.querySelectorAll("form.point-form").forEach(function (form) {
    var source = document.getElementById(form.dataset.source);
    var segment = form.querySelector("textarea[name=segment]");
    if (!source || !segment) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = "Brug markeret tekst";
    button.addEventListener("click", function () {
      var selection = window.getSelection();
      var text = selection ? selection.toString().trim() : "";
      if (text && source.contains(selection.anchorNode)) {
        segment.value = text;
        segment.focus();
      } else {
        button.setAttribute("aria-describedby", "");
        segment.focus();
      }
    });
    segment.parentNode.insertBefore(button, segment);
  });
})();
