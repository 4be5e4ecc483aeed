// Hover glosses and cross-highlighting on the article page: no framework, no network.
(function () {
  "use strict";
  var tip = null;

  function showGloss(el) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "gloss";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    // textContent: the gloss is data, never markup.
    tip.textContent = el.getAttribute("data-gloss");
    var box = el.getBoundingClientRect();
    tip.style.display = "block";
    var left = Math.min(Math.max(box.left + window.scrollX, 8), window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hideGloss() {
    if (tip) { tip.style.display = "none"; }
  }

  function light(ref, on) {
    var items = document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]');
    for (var i = 0; i < items.length; i++) { items[i].classList.toggle("lit", on); }
  }

  function glossTarget(event) {
    var el = event.target.closest ? event.target.closest("[data-gloss]") : null;
    // The innermost item carries the most specific gloss.
    return el;
  }

  document.addEventListener("mouseover", function (event) {
    var el = glossTarget(event);
    if (el) { showGloss(el); } else { hideGloss(); }
    var ref = event.target.closest && event.target.closest("[data-ref]");
    if (ref) { light(ref.getAttribute("data-ref"), true); }
  });
  document.addEventListener("mouseout", function (event) {
    var ref = event.target.closest && event.target.closest("[data-ref]");
    if (ref) { light(ref.getAttribute("data-ref"), false); }
  });
  document.addEventListener("focusin", function (event) {
    var el = glossTarget(event);
    if (el) { showGloss(el); }
    var ref = event.target.closest && event.target.closest("[data-ref]");
    if (ref) { light(ref.getAttribute("data-ref"), true); }
  });
  document.addEventListener("focusout", function (event) {
    hideGloss();
    var ref = event.target.closest && event.target.closest("[data-ref]");
    if (ref) { light(ref.getAttribute("data-ref"), false); }
  });
  // A click on an event or claim in the side panel scrolls its words into view.
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest(".panel [data-ref]");
    if (!item || event.target.closest("a")) { return; }
    var words = document.querySelector('#article-text [data-ref="' + CSS.escape(item.getAttribute("data-ref")) + '"]');
    if (words) { words.scrollIntoView({ block: "center", behavior: "smooth" }); words.focus({ preventScroll: true }); }
  });
})();
