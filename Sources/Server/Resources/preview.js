// The live preview's page (GET /preview): follows /events?session=all and gives each checked
// component a card. The page holds the token (from the URL's #fragment, which is never sent to
// the server); the components never see it: each runs in a sandboxed frame of its own (an opaque
// origin, no network), which gets the component's built code by postMessage.
(function () {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("token") || "";
  // Out of the address bar, so a copied URL or a screenshot does not carry it.
  history.replaceState(null, "", location.pathname);
  const state = document.getElementById("state");
  const cards = document.getElementById("cards");
  const shown = new Set();

  function say(text) {
    state.textContent = text;
    document.body.dataset.state = text;
  }

  // `eventID` is the feed's own id: a reconnect replays what came after the last one seen, and
  // an event seen twice is shown once; the same spec generated again is a new event and a new card.
  async function show(component, eventID) {
    const evt = component.event || {};
    const id = String(evt.spec_id || "");
    if (!id || shown.has(eventID)) return;
    shown.add(eventID);
    const card = document.createElement("section");
    const title = document.createElement("h2");
    title.textContent = (component.name ? component.name + " · " : "") + id;
    card.append(title);
    cards.prepend(card);
    const headers = token ? { Authorization: "Bearer " + token } : {};
    const reply = await fetch("/preview/components/" + encodeURIComponent(id), { headers });
    if (!reply.ok) {
      const problem = document.createElement("p");
      problem.className = "problem";
      problem.textContent = "could not build " + id + ": " + ((await reply.json().catch(() => ({}))).error || reply.status);
      card.append(problem);
      return;
    }
    const code = await reply.text();
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.title = id;
    frame.src = "/preview/frame.html";
    card.append(frame);
    // Set before the frame can load: its window exists from the moment it is in the page.
    waiting.set(frame.contentWindow, code);
  }

  // A frame says when it is ready (its loader is running), and is then given its code, once;
  // "*" because a sandboxed frame's origin is opaque: the code goes only to the frame it was built for.
  const waiting = new Map();
  window.addEventListener("message", (message) => {
    const code = waiting.get(message.source);
    if (code === undefined || !message.data || message.data.ready !== true) return;
    waiting.delete(message.source);
    message.source.postMessage({ code }, "*");
  });

  const source = new EventSource("/events?session=all" + (token ? "&token=" + encodeURIComponent(token) : ""));
  source.addEventListener("open", () => say("following"));
  source.addEventListener("error", () => say(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting"));
  source.addEventListener("message", (message) => {
    let line;
    try { line = JSON.parse(message.data); } catch { return; }
    if (line.type === "component" && line.component) show(line.component, message.lastEventId);
  });
})();
