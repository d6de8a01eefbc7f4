// Loaded before the preview bundle by scripts/preview-check.sh, after errors.js: once React has
// committed, publishes what every card of the preview page shows, and the console errors, as JSON
// in <body data-preview="...">, where `chromium --dump-dom` can read it.
(function () {
  const errors = window.__mockpilotErrors;

  function report() {
    // The page's cards only: components may hold <section>s and <h2>s of their own. The folder's
    // cards: those of a followed `serve` (#served) hold frames, read by the tests that start one.
    const page = document.querySelector("#root > main");
    const cards = [...(page ? page.querySelectorAll(":scope > div:not(#served) > section") : [])].map((section) => {
      const name = (section.querySelector(":scope > h2") || {}).textContent || "";
      const stage = section.querySelector(":scope > h2 + div");
      const first = stage && stage.firstElementChild;
      const box = first ? first.getBoundingClientRect() : { width: 0, height: 0 };
      // The page's own fallbacks: the error boundary's <pre>, or the note for a file with no default export.
      const fallback = stage && stage.querySelector(":scope > pre, :scope > p.text-amber-700");
      const failure = !fallback ? null : fallback.tagName === "PRE" ? "error: " + fallback.textContent.slice(0, 200) : "no default export";
      return { name, width: Math.round(box.width), height: Math.round(box.height), failure };
    });
    const header = ((page && page.querySelector(":scope > header span")) || {}).textContent || "";
    document.body.setAttribute("data-preview", JSON.stringify({ errors, cards, header }));
  }
  window.addEventListener("load", () => setTimeout(report, 300));
})();
