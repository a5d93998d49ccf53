/* The front page's search, filters and sorting, and the programme preview's height.
   Progressive: without JavaScript every table is complete and every link works. */
(function () {
  "use strict";
  var ramme = document.querySelector("iframe.programramme");
  if (ramme) {
    var tilpas = function () {
      try {  /* same origin over http; from file:// the frame keeps its fixed height */
        var h = ramme.contentDocument.documentElement.scrollHeight;
        if (h) { ramme.style.height = (h + 20) + "px"; }
      } catch (e) { /* not allowed: keep the CSS height */ }
    };
    ramme.addEventListener("load", tilpas);
  }

  var tabel = document.getElementById("programmer");
  var form = document.getElementById("filtre");
  if (!tabel || !form) { return; }
  var krop = tabel.tBodies[0];
  var raekker = Array.prototype.slice.call(krop.rows);
  var indeks = window.uddprogSoegeindeks || {};
  var antal = document.getElementById("antal");
  form.hidden = false;

  function filtrer() {
    var ord = form.elements.q.value.toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
    var krav = ["region", "speciale", "fase", "status"].map(function (n) { return [n, form.elements[n].value]; });
    var vist = 0;
    raekker.forEach(function (r) {
      var tekst = indeks[r.id] || "";
      var ok = krav.every(function (k) { return !k[1] || r.getAttribute("data-" + k[0]) === k[1]; }) &&
               ord.every(function (o) { return tekst.indexOf(o) !== -1; });
      r.hidden = !ok;
      if (ok) { vist += 1; }
    });
    antal.textContent = vist === raekker.length ? raekker.length + (vist === 1 ? " program." : " programmer.") :
      "Viser " + vist + " af " + raekker.length + " programmer.";
  }
  form.addEventListener("input", filtrer);
  form.addEventListener("change", filtrer);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function noegle(r, i) {
    var c = r.cells[i];
    return c.hasAttribute("data-sort") ? c.getAttribute("data-sort") : c.textContent.trim();
  }
  var overskrifter = Array.prototype.slice.call(tabel.tHead.rows[0].cells);
  overskrifter.forEach(function (th, i) {
    var knap = document.createElement("button");
    knap.type = "button";
    knap.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(knap);
    knap.addEventListener("click", function () {
      var op = th.getAttribute("aria-sort") !== "ascending";
      overskrifter.forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", op ? "ascending" : "descending");
      raekker.sort(function (a, b) {
        var x = noegle(a, i), y = noegle(b, i);
        var c = x.localeCompare(y, "da", {numeric: true});
        return op ? c : -c;
      });
      raekker.forEach(function (r) { krop.appendChild(r); });
    });
  });
})();
