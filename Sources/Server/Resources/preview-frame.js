// One component's frame in the live preview (sandboxed: an opaque origin, and the server's
// Content-Security-Policy for it allows no network at all). It tells the page it is ready, the
// page posts the component's built code once, and that runs as a blob: script, the only kind of
// script the policy lets in besides this one.
(function () {
  let started = false;
  window.addEventListener("message", (message) => {
    if (started || message.source !== window.parent || !message.data || typeof message.data.code !== "string") return;
    started = true;
    const script = document.createElement("script");
    script.src = URL.createObjectURL(new Blob([message.data.code], { type: "text/javascript" }));
    document.body.append(script);
  });
  document.documentElement.dataset.frame = "ready";
  window.parent.postMessage({ ready: true }, "*");
})();
