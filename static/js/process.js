/* Process timeline: progressive enhancement only. Hovering or focusing a milestone row in the table
   highlights its diamond in the SVG; the page works fully without this script. */
(function () {
  "use strict";
  var rows = document.querySelectorAll("tr[data-milestone-id]");
  function mark(id, on) {
    var g = document.querySelector('svg g.milestone[data-milestone-id="' + id + '"]');
    if (g) { g.classList.toggle("highlight", on); }
  }
  rows.forEach(function (row) {
    var id = row.getAttribute("data-milestone-id");
    ["mouseenter", "focusin"].forEach(function (ev) { row.addEventListener(ev, function () { mark(id, true); }); });
    ["mouseleave", "focusout"].forEach(function (ev) { row.addEventListener(ev, function () { mark(id, false); }); });
  });
})();
