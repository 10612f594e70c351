// Sort the sets table by a column: click a heading (or Enter on it); again to reverse.
(function () {
  "use strict";
  var table = document.getElementById("sets");
  var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
  var rank = { error: 0, fail: 1, warn: 2, pass: 3 };
  function value(row, i, type) {
    var cell = row.children[i];
    var raw = cell.getAttribute("data-value");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (type === "num") { return parseFloat(raw) || 0; }
    if (type === "verdict") { return raw in rank ? rank[raw] : 9; }
    return raw.toLowerCase();
  }
  heads.forEach(function (th, i) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var type = button.getAttribute("data-type");
      var asc = th.getAttribute("aria-sort") !== "ascending";
      if (th.getAttribute("aria-sort") === "none" && type === "num") { asc = false; }  // numbers: largest first
      heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, i, type), y = value(b, i, type);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
