// Loaded before the component bundle by scripts/render-check.sh, after errors.js: records
// unhandled rejections with the errors, then, once React has committed, publishes what the render
// check asserts as JSON in <body data-check="...">, where `chromium --dump-dom` can read it.
(function () {
  const errors = window.__mockpilotErrors;
  window.addEventListener("unhandledrejection", (e) => errors.push("unhandled rejection: " + e.reason));

  // Utility rules by class name, from plain and @layer blocks (media/hover variants are skipped).
  function utilityRules() {
    const rules = new Map();
    const walk = (list) => {
      for (const rule of list) {
        if (rule.selectorText && rule.selectorText.startsWith(".") && !rule.selectorText.includes(" ")) {
          rules.set(rule.selectorText, rule);
        } else if (rule.cssRules && !(rule.media || rule.conditionText)) {
          walk(rule.cssRules);
        }
      }
    };
    for (const sheet of document.styleSheets) {
      try { walk(sheet.cssRules); } catch (e) { /* cross-origin sheet */ }
    }
    return rules;
  }

  // Does `cls` change `el`'s computed style? Compare with a clone that lacks only that class.
  function effect(el, cls, rule) {
    const props = [...rule.style].filter((p) => !p.startsWith("--"));
    if (!props.length) return null;
    const probe = el.cloneNode(false);
    probe.classList.remove(cls);
    el.parentNode.insertBefore(probe, el);
    const with_ = getComputedStyle(el), without = getComputedStyle(probe);
    let found = null;
    for (const p of props) {
      if (with_.getPropertyValue(p) !== without.getPropertyValue(p)) {
        found = { class: cls, property: p, value: with_.getPropertyValue(p), baseline: without.getPropertyValue(p) };
        break;
      }
    }
    probe.remove();
    return found;
  }

  function report() {
    const root = document.getElementById("root");
    const first = root.firstElementChild;
    const box = (first || root).getBoundingClientRect();
    const wanted = document.body.dataset.checkClass || "";
    const rules = utilityRules();
    let checked = null, candidates = 0;
    for (const el of root.querySelectorAll("[class]")) {
      for (const cls of el.classList) {
        if (wanted && cls !== wanted) continue;
        const rule = rules.get("." + CSS.escape(cls));
        if (!rule) continue;
        candidates++;
        checked = effect(el, cls, rule);
        if (checked) break;
      }
      if (checked) break;
    }
    document.body.setAttribute("data-check", JSON.stringify({
      errors, width: Math.round(box.width), height: Math.round(box.height), wanted, candidates, checked,
      react: window.__reactVersion || null,
    }));
  }
  window.addEventListener("load", () => setTimeout(report, 200));
})();
