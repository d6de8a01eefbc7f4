// Loaded after the component on every page of scripts/redteam-render.sh: does what a user would
// (types, presses keys, clicks everything, submits forms), so a payload behind a handler gets its
// chance to run, then reports to the page server that the component rendered.
(function () {
  const name = document.body.dataset.probe;
  const root = document.getElementById("root");
  const fire = (el, event) => el.dispatchEvent(event);
  setTimeout(() => {
    fetch(`/rendered/${name}?elements=${root.querySelectorAll("*").length}`);
    for (const el of root.querySelectorAll("input, textarea, select")) {
      fire(el, new Event("input", { bubbles: true }));
      fire(el, new Event("change", { bubbles: true }));
    }
    for (const el of root.querySelectorAll("*")) {
      fire(el, new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      fire(el, new MouseEvent("mouseover", { bubbles: true, view: window }));
      if (el.closest("form") && el.matches("button:not([type=button]), input[type=submit], input[type=image]")) continue;
      fire(el, new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
    }
    // Submitting navigates the page, so it comes last.
    setTimeout(() => {
      for (const form of root.querySelectorAll("form")) {
        const button = form.querySelector("button:not([type=button]), input[type=submit], input[type=image]");
        if (button) button.click(); else form.requestSubmit();
      }
    }, 200);
  }, 200);
})();
