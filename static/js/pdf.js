/* PDF page (templates/planning/plan_pdf.html): progressive enhancement.
 * Without JavaScript the forms POST and the page shows the state after a reload. With it, "Generér PDF"
 * is sent with fetch, the row follows the JSON status endpoint until the PDF is done or failed, and the
 * aria-live region announces each change. */
(function () {
  "use strict";
  var table = document.querySelector("[data-pdf-documents]");
  if (!table || !window.fetch) { return; }
  var live = document.getElementById("pdf-live");
  var labels = table.dataset;
  var POLL_MS = 1500;

  function announce(text) {
    if (!live) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function render(row, status) {
    var previous = row.dataset.state;
    row.dataset.state = status.state;
    if (status.status_url) { row.dataset.statusUrl = status.status_url; }
    row.querySelector("[data-pdf-state-label]").textContent = status.state_label;
    row.querySelector("[data-pdf-message]").textContent = status.message ? "– " + status.message : "";
    var task = row.querySelector("[data-pdf-task]");
    if (task) { task.remove(); }
    if (status.task_id) {
      var small = document.createElement("small");
      small.dataset.pdfTask = "";
      small.textContent = labels.labelTask + ": " + status.task_id;
      var cell = row.querySelector("[data-pdf-state]");
      cell.appendChild(document.createElement("br"));
      cell.appendChild(small);
    }
    var action = row.querySelector("[data-pdf-action]");
    var form = action.querySelector("[data-pdf-request]");
    action.querySelectorAll("[data-pdf-download], [data-pdf-reload]").forEach(function (el) { el.remove(); });
    form.hidden = !(status.state === "failed" || status.state === "none");
    var button = form.querySelector("button");
    button.disabled = false;
    if (status.state === "failed") { button.textContent = labels.labelRetry; }
    if (status.state === "done" && status.download_url) {
      var link = document.createElement("a");
      link.className = "button";
      link.href = status.download_url;
      link.dataset.pdfDownload = "";
      link.textContent = labels.labelDownload + (status.page_count ? " (" + status.page_count + " " + labels.labelPages + ")" : "");
      action.insertBefore(link, form);
    }
    if (previous !== status.state) {
      var name = row.querySelector("th[scope=row]").firstChild.textContent.trim();
      announce(name + ": " + status.state_label + ". " + (status.message || ""));
    }
    if (status.state === "queued" || status.state === "rendering") { poll(row); }
  }

  function poll(row) {
    if (row.dataset.polling) { return; }
    row.dataset.polling = "1";
    window.setTimeout(function () {
      delete row.dataset.polling;
      fetch(row.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (status) { render(row, status); })
        .catch(function () { window.setTimeout(function () { poll(row); }, POLL_MS * 2); });
    }, POLL_MS);
  }

  table.querySelectorAll("[data-pdf-row]").forEach(function (row) {
    var form = row.querySelector("[data-pdf-request]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (status) { render(row, status); })
        .catch(function () { button.disabled = false; form.submit(); });
    });
    if (row.dataset.state === "queued" || row.dataset.state === "rendering") { poll(row); }
  });
})();
