// Inlined first on every page the offline checks render (scripts/render-check.sh,
// scripts/preview-check.sh): records console errors and uncaught exceptions from then on in
// window.__mockpilotErrors, for the probe after it to report.
(function () {
  const errors = (window.__mockpilotErrors = []);
  const original = console.error;
  console.error = function (...args) {
    errors.push(args.map((a) => (a && a.stack) || String(a)).join(" ").slice(0, 500));
    original.apply(console, args);
  };
  window.addEventListener("error", (e) => errors.push("uncaught: " + e.message));
})();
