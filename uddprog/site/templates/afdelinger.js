/* The department list's search: words match the department, the hospital or practice, the specialties
   and the regions. Progressive: without JavaScript the list is complete. */
(function () {
  "use strict";
  var form = document.getElementById("afdelingsfiltre");
  var tabel = document.getElementById("afdelinger");
  if (!form || !tabel) { return; }
  var raekker = Array.prototype.slice.call(tabel.tBodies[0].rows);
  var antal = document.getElementById("antal");
  form.hidden = false;
  function filtrer() {
    var ord = form.elements.q.value.toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
    var region = form.elements.region.value;
    var vist = 0;
    raekker.forEach(function (r) {
      var tekst = r.getAttribute("data-soeg") || "";
      var ok = (!region || (" " + r.getAttribute("data-regioner") + " ").indexOf(" " + region + " ") !== -1) &&
               ord.every(function (o) { return tekst.indexOf(o) !== -1; });
      r.hidden = !ok;
      if (ok) { vist += 1; }
    });
    antal.textContent = vist === raekker.length ? raekker.length + (vist === 1 ? " afdeling." : " afdelinger.") :
      "Viser " + vist + " af " + raekker.length + " afdelinger.";
  }
  form.addEventListener("input", filtrer);
  form.addEventListener("change", filtrer);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
