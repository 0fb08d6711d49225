/* Section editor: progressively enhances <textarea data-editor="rich"> into a small contenteditable
 * editor with an accessible toolbar (headings, bold, italic, lists, link, table). The textarea stays
 * the form field: the editor writes its HTML back on every change and on submit, and the server
 * sanitises it (planning/sanitise.py). Without JavaScript the plain textarea works as before.
 * Labels come from the page (data-* on #editor-i18n) so they are translated with the templates. */
(function () {
  "use strict";

  function strings() {
    var el = document.getElementById("editor-i18n");
    var d = (el && el.dataset) || {};
    return {
      toolbar: d.toolbar || "Formatering",
      h2: d.h2 || "Overskrift", h3: d.h3 || "Underoverskrift", p: d.p || "Brødtekst",
      bold: d.bold || "Fed", italic: d.italic || "Kursiv",
      ul: d.ul || "Punktliste", ol: d.ol || "Nummereret liste",
      link: d.link || "Link", linkPrompt: d.linkPrompt || "Adresse (https://…)",
      linkInvalid: d.linkInvalid || "Adressen skal begynde med https://, http:// eller mailto:",
      table: d.table || "Tabel", column: d.column || "Kolonne", cell: d.cell || "Tekst",
      hint: d.hint || ""
    };
  }

  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "small secondary editor-button";
    b.textContent = text;
    if (label !== text) { b.setAttribute("aria-label", label); b.title = label; }
    b.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep the selection
    b.addEventListener("click", onClick);
    return b;
  }

  function enhance(textarea) {
    var t = strings();
    var form = textarea.form;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var wrapper = document.createElement("div");
    wrapper.className = "editor";
    var toolbar = document.createElement("div");
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", t.toolbar);
    var area = document.createElement("div");
    area.className = "editor-area section-text";
    area.contentEditable = "true";
    area.id = textarea.id + "_editor";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.setAttribute("spellcheck", "true");
    area.lang = document.documentElement.lang || "da";
    if (label) {
      label.id = label.id || textarea.id + "_label";
      area.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { area.focus(); });
    }
    var describedBy = textarea.getAttribute("aria-describedby");
    if (describedBy) { area.setAttribute("aria-describedby", describedBy); }
    toolbar.setAttribute("aria-controls", area.id);
    area.innerHTML = textarea.value;

    function sync() { textarea.value = area.innerHTML; }
    function exec(command, value) {
      area.focus();
      document.execCommand(command, false, value || null);
      sync();
      updateState();
    }

    var stateful = [];
    function add(text, label, handler, command) {
      var b = button(text, label, handler);
      if (command) { b.setAttribute("aria-pressed", "false"); stateful.push([b, command]); }
      toolbar.appendChild(b);
      return b;
    }
    add("H2", t.h2, function () { exec("formatBlock", "<h2>"); });
    add("H3", t.h3, function () { exec("formatBlock", "<h3>"); });
    add("¶", t.p, function () { exec("formatBlock", "<p>"); });
    add("F", t.bold, function () { exec("bold"); }, "bold");
    add("K", t.italic, function () { exec("italic"); }, "italic");
    add("• " + t.ul, t.ul, function () { exec("insertUnorderedList"); }, "insertUnorderedList");
    add("1. " + t.ol, t.ol, function () { exec("insertOrderedList"); }, "insertOrderedList");
    add(t.link, t.link, function () {
      var url = window.prompt(t.linkPrompt, "https://");
      if (!url) { area.focus(); return; }
      if (!/^(https?:\/\/|mailto:)/i.test(url.trim())) { window.alert(t.linkInvalid); area.focus(); return; }
      exec("createLink", url.trim());
    });
    add(t.table, t.table, function () {
      var html = "<table><thead><tr><th scope=\"col\">" + t.column + " 1</th><th scope=\"col\">" + t.column +
        " 2</th></tr></thead><tbody><tr><td>" + t.cell + "</td><td>" + t.cell + "</td></tr></tbody></table><p><br></p>";
      exec("insertHTML", html);
    });

    function updateState() {
      stateful.forEach(function (pair) {
        var on = false;
        try { on = document.queryCommandState(pair[1]); } catch (e) { on = false; }
        pair[0].setAttribute("aria-pressed", on ? "true" : "false");
      });
    }

    // Roving tabindex: one Tab stop for the toolbar, arrow keys move between its buttons.
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
    toolbar.addEventListener("keydown", function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) { return; }
      var next = null;
      if (e.key === "ArrowRight") { next = (i + 1) % buttons.length; }
      else if (e.key === "ArrowLeft") { next = (i - 1 + buttons.length) % buttons.length; }
      else if (e.key === "Home") { next = 0; }
      else if (e.key === "End") { next = buttons.length - 1; }
      if (next === null) { return; }
      e.preventDefault();
      buttons[i].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });

    area.addEventListener("input", sync);
    area.addEventListener("keyup", updateState);
    area.addEventListener("mouseup", updateState);
    if (form) { form.addEventListener("submit", sync); }

    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    if (t.hint) {
      var hint = document.createElement("p");
      hint.className = "help";
      hint.textContent = t.hint;
      wrapper.appendChild(hint);
    }
    textarea.hidden = true;
    textarea.setAttribute("aria-hidden", "true");
    textarea.tabIndex = -1;
    textarea.parentNode.insertBefore(wrapper, textarea.nextSibling);
    try { document.execCommand("defaultParagraphSeparator", false, "p"); } catch (e) { /* older browsers */ }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-editor="rich"]'), enhance);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
