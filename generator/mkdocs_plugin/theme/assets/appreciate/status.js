/* Appreciate: the campaign's status as of the visitor's today, not the build's.
   The page already shows the status of the day it was built; this only corrects it. */
(function () {
  var DAY = 864e5;
  function midnight(iso) {
    var parts = iso.split("-");
    return new Date(+parts[0], +parts[1] - 1, +parts[2]).getTime();
  }
  function update() {
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    document.querySelectorAll("[data-appreciate-dates]").forEach(function (box) {
      var start = midnight(box.dataset.start), end = midnight(box.dataset.end);
      var phase = today < start ? "upcoming" : today > end ? "ended" : "running";
      var days = phase === "upcoming" ? Math.round((start - today) / DAY)
        : Math.round((end - today) / DAY) + 1;
      box.querySelectorAll("[data-phase]").forEach(function (variant) {
        variant.hidden = variant.dataset.phase.split(" ").indexOf(phase) < 0;
      });
      box.querySelectorAll("[data-days]").forEach(function (count) { count.textContent = days; });
      box.querySelectorAll("[data-one]").forEach(function (form) { form.hidden = days !== 1; });
      box.querySelectorAll("[data-other]").forEach(function (form) { form.hidden = days === 1; });
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(update); /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
})();
