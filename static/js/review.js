/* Review page enhancement: "Kommentér tekstafsnit N" / "Foreslå ny formulering" pick the paragraph in the
   form and move the focus to the text box without a page load. Without JavaScript the same links reload
   the page with the paragraph pre-selected (?afsnit=N / ?foreslaa=N). */
(function () {
  "use strict";

  var KINDS = {
    comment: { form: "kommentar-form", select: "id_paragraph", text: "id_text", param: "afsnit" },
    propose: { form: "forslag-form", select: "id_forslag-paragraph", text: "id_forslag-proposed_text", param: "foreslaa" }
  };

  function markSelected(n) {
    var selected = document.querySelectorAll(".review-paragraph.selected");
    for (var i = 0; i < selected.length; i++) { selected[i].classList.remove("selected"); }
    var item = document.getElementById("afsnit-" + n);
    if (item) { item.classList.add("selected"); }
    return item;
  }

  function choose(kind, n, event) {
    var spec = KINDS[kind];
    var form = document.getElementById(spec.form);
    var select = document.getElementById(spec.select);
    var text = document.getElementById(spec.text);
    if (!form || !select || !text) { return; }  // fall back to the plain link
    event.preventDefault();
    select.value = String(n);
    var item = markSelected(n);
    if (kind === "propose" && item && !text.value.trim()) {
      text.value = item.getAttribute("data-paragraph-text") || "";
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "?" + spec.param + "=" + n + "#" + spec.form);
    }
    form.scrollIntoView({ block: "start" });
    text.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-review-comment],[data-review-propose]") : null;
    if (!link) { return; }
    if (link.hasAttribute("data-review-comment")) {
      choose("comment", link.getAttribute("data-review-comment"), event);
    } else {
      choose("propose", link.getAttribute("data-review-propose"), event);
    }
  });

  // Arriving from a no-JS link (or a reload) with a paragraph chosen: put the focus in the text box.
  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(window.location.search);
    var kind = params.has("afsnit") ? "comment" : (params.has("foreslaa") ? "propose" : null);
    if (!kind) { return; }
    var text = document.getElementById(KINDS[kind].text);
    if (text && (window.location.hash === "#" + KINDS[kind].form)) { text.focus(); }
  });
})();
