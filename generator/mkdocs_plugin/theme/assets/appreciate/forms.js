/* Appreciate: send the survey and complaint forms without leaving the page, when the browser can.
   Without JavaScript (or if this fails) the form posts as usual and the receiver answers with
   its own thank-you page. */
(function () {
  function show(form, html, ok) {
    var box = form.parentNode.querySelector('[data-appreciate-result="' + form.id + '"]');
    if (!box) return;
    box.innerHTML = html;
    box.hidden = false;
    box.className = "appreciate-result appreciate-result--" + (ok ? "ok" : "error");
    if (ok) form.hidden = true;
    box.focus();
  }
  function text(value) {
    var span = document.createElement("span");
    span.textContent = value;
    return span.innerHTML;
  }
  /* the survey's loop: a review for promoters, an answer or the complaint form for detractors */
  function followUp(more) {
    if (!more) return "";
    var links = (more.links || []).map(function (link) {
      return "<a class=\"md-button\" rel=\"noopener\" href=\"" + text(link.url).replace(/"/g, "&quot;") +
        "\">" + text(link.name) + "</a>";
    }).join(" ");
    return "<p class=\"appreciate-follow-up\">" + text(more.text) + "</p>" + (links ? "<p>" + links + "</p>" : "");
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.appreciate-form") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          show(form, "<p><strong>" + text(data.error.message) + "</strong></p>", false);
        } else {
          /* the receiver words its answer in the form's language */
          show(form, "<p><strong>" + text(data.message) + "</strong> " + text(data.detail) +
            "</p><p>" + text(data.code_label) + " <strong class=\"appreciate-code\">" +
            text(data.reward_code || data.ticket) + "</strong></p>" + followUp(data.follow_up), true);
        }
      });
    }).catch(function () {
      form.submit(); /* the network or the receiver failed: post the plain form */
    }).then(function () {
      if (button) button.disabled = false;
    });
  });
})();
