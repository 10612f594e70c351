// consistency report: select a flag (click, or j/k on the keyboard) to mark it and its counterparts in every
// version and scroll its passage into view. Everything works without this script, through plain #anchors.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll(".flag-link"));
  var status = document.getElementById("status");
  var current = null;

  function q(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function linkOf(id) { return document.querySelector('.flag-link[data-flag="' + id + '"]'); }

  function clear() {
    q(".active, .cp-active").forEach(function (el) { el.classList.remove("active", "cp-active"); });
    q("tr.current").forEach(function (el) { el.classList.remove("current"); });
    q('.flag-link[aria-current]').forEach(function (el) { el.removeAttribute("aria-current"); });
    current = null;
  }

  function target(id, version, counterpart) {
    var cell = 'td.tc[data-version="' + CSS.escape(version) + '"] ';
    var el = counterpart ? document.querySelector(cell + '[data-cp~="' + id + '"]')
                         : document.querySelector(cell + '[data-flags~="' + id + '"]');
    return el || document.getElementById(id + "-" + version);
  }

  function select(id, opts) {
    opts = opts || {};
    var link = linkOf(id);
    if (!link) { return; }
    clear();
    current = id;
    var version = link.getAttribute("data-version");
    q('[data-flags~="' + id + '"]').forEach(function (el) { el.classList.add("active"); });
    q('[data-cp~="' + id + '"]').forEach(function (el) {
      el.classList.add(el.classList.contains("cp") ? "active" : "cp-active");
    });
    var item = link.closest("li");
    item.classList.add("active");
    link.setAttribute("aria-current", "true");
    if (opts.list !== false) { item.scrollIntoView({ block: "nearest" }); }
    var el = target(id, opts.version || version, !!opts.version && opts.version !== version);
    if (el) {
      var row = el.closest("tr");
      if (row) { row.classList.add("current"); }
      if (opts.scroll !== false) { el.scrollIntoView({ block: "center", inline: "nearest" }); }
    }
    if (opts.focus) { link.focus({ preventScroll: true }); }
    var msg = item.querySelector(".msg");
    status.textContent = id + ", " + item.getAttribute("data-severity") + ": " + (msg ? msg.textContent : "");
    if (history.replaceState) { history.replaceState(null, "", "#" + id + "-" + (opts.version || version)); }
  }

  function visible() { return links.filter(function (l) { return !l.closest("li").classList.contains("hidden"); }); }

  function step(delta) {
    var vis = visible();
    if (!vis.length) { return; }
    var i = current ? vis.indexOf(linkOf(current)) : -1;
    i = i < 0 ? (delta > 0 ? 0 : vis.length - 1) : Math.min(vis.length - 1, Math.max(0, i + delta));
    select(vis[i].getAttribute("data-flag"), { focus: true });
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      select(link.getAttribute("data-flag"));
    });
  });
  q(".cp-link, .flag-ref").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var id = a.getAttribute("data-flag");
      var v = a.getAttribute("data-version") || a.closest("td").getAttribute("data-version");
      select(id, { version: v });
    });
  });
  q("mark.hl, .omit").forEach(function (m) {
    m.addEventListener("click", function () {
      select(m.getAttribute("data-flags").split(" ")[0], { scroll: false });
    });
  });
  q(".filter").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      var sev = b.getAttribute("data-severity");
      b.setAttribute("aria-pressed", on ? "true" : "false");
      q('.flag[data-severity="' + sev + '"]').forEach(function (li) { li.classList.toggle("hidden", !on); });
      q("mark.hl.sev-" + sev + ", .omit.sev-" + sev).forEach(function (m) { m.classList.toggle("off", !on); });
      document.body.classList.add("dim");
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (ev.key === "j" || ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { step(-1); ev.preventDefault(); }
    else if (ev.key === "Escape") { clear(); status.textContent = "selection cleared"; }
  });
  var m = /^#(F\d+)-(.+)$/.exec(location.hash);
  if (m && linkOf(m[1])) { select(m[1], { version: decodeURIComponent(m[2]) }); }
})();
