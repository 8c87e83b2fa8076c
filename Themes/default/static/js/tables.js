// Progressive enhancement for tables: every table is complete and ordered without this script.
// `table.sortable`: click a column header to sort by it (again to reverse).
// `table[data-filterable]`: adds Vendor and Tier filters built from those columns.
// `.table-scroll` wrappers whose table is wider than the screen get a "scroll sideways" line above them.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return { empty: true, text: "" };
    var text = (cell.getAttribute("data-sort") || cell.textContent).trim();
    var empty = text === "" || text === "—";
    var numeric = /^[$]?[-+]?[0-9]/.test(text);
    return { empty: empty, number: numeric ? parseFloat(text.replace(/^[$]/, "")) : NaN, text: text.toLowerCase() };
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x.empty !== y.empty) return x.empty ? 1 : -1; // unmeasured stays last
      var order = !isNaN(x.number) && !isNaN(y.number) ? x.number - y.number : x.text.localeCompare(y.text);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (!table.tHead) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, header); });
    });
  }

  function columnIndex(table, name) {
    var cells = table.tHead ? table.tHead.rows[0].cells : [];
    for (var i = 0; i < cells.length; i++) if (cells[i].textContent.trim() === name) return i;
    return -1;
  }

  function makeFilterable(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var filters = [];
    var bar = document.createElement("div");
    bar.className = "table-filters";
    ["Vendor", "Tier"].forEach(function (name) {
      var index = columnIndex(table, name);
      if (index < 0) return;
      var values = {};
      Array.prototype.forEach.call(body.rows, function (row) {
        var value = row.cells[index] ? row.cells[index].textContent.trim() : "";
        if (value) values[value] = true;
      });
      var keys = Object.keys(values).sort();
      if (keys.length < 2) return;
      var label = document.createElement("label");
      label.textContent = name + " ";
      var select = document.createElement("select");
      select.appendChild(new Option("All", ""));
      keys.forEach(function (key) { select.appendChild(new Option(key, key)); });
      select.addEventListener("change", apply);
      label.appendChild(select);
      bar.appendChild(label);
      filters.push({ index: index, select: select });
    });
    if (!filters.length) return;
    function apply() {
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = !filters.every(function (filter) {
          var wanted = filter.select.value;
          return !wanted || (row.cells[filter.index] && row.cells[filter.index].textContent.trim() === wanted);
        });
      });
    }
    var anchor = table.closest(".table-scroll") || table;
    // The filters go above the table's "scroll sideways" line, which belongs right above the table.
    var hint = anchor.previousElementSibling;
    if (hint && hint.classList.contains("scroll-hint")) anchor = hint;
    anchor.parentNode.insertBefore(bar, anchor);
  }

  // A table wider than its wrapper says so above it: on a phone the scrollbar is hidden until touched.
  function markScrollable() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-scroll"), function (wrapper) {
      var hint = wrapper.previousElementSibling;
      if (!hint || !hint.classList.contains("scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.textContent = "Scroll sideways for more columns →";
        wrapper.parentNode.insertBefore(hint, wrapper);
      }
      // Templates may write the line for a phone's sake (shown by CSS without this script); measured, it says only what is true.
      hint.setAttribute("data-measured", "");
      hint.hidden = wrapper.scrollWidth <= wrapper.clientWidth + 1;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-filterable]"), makeFilterable);
    markScrollable();
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; markScrollable(); });
    });
  });
})();
