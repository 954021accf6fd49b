/* tiedote review pages: the record of a clicked number in a panel, and sortable tables.
   Everything is readable without it: highlights are CSS, records are in the side table. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  /* the tests tell a page with its script from one without */
  var panel = document.getElementById("record");
  var active = [];
  function clear() {
    active.forEach(function (el) { el.classList.remove("active"); });
    active = [];
  }
  function hide() { if (panel) { panel.hidden = true; } clear(); }
  function show(heading, body) {
    if (!panel) { return; }
    panel.textContent = "";
    var close = document.createElement("button");
    close.className = "close";
    close.type = "button";
    close.setAttribute("aria-label", "close");
    close.textContent = "×";
    close.addEventListener("click", hide);
    var h = document.createElement("h3");
    h.textContent = heading;
    panel.appendChild(close);
    panel.appendChild(h);
    panel.appendChild(body);
    panel.hidden = false;
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || (panel && panel.contains(target))) { return; }
    var num = target.closest("[data-claim-id]");
    var other = target.closest(".nc");
    if (num) {
      event.preventDefault();
      clear();
      var rec = document.getElementById(num.getAttribute("data-record"));
      var row = rec ? rec.closest("tr") : null;
      var body = rec ? rec.querySelector("dl").cloneNode(true) : document.createElement("p");
      show("“" + num.textContent + "”", body);
      num.classList.add("active");
      active.push(num);
      if (row) { row.classList.add("active"); active.push(row); }
    } else if (other) {
      clear();
      var p = document.createElement("p");
      p.textContent = other.getAttribute("data-reason") || "";
      show("“" + other.textContent + "” is not a claim", p);
    }
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.getAttribute("data-type") === "number";
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent;
      var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent;
      var d = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, "fi");
      return asc ? d : -d;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  });
}());
