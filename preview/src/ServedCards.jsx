import React, { useEffect, useRef, useState } from "react";

// With MOCKPILOT_SERVE set, the kit follows a running `mockpilot serve` beside the folder: its
// /events?session=all feed names every component the server makes (its meetings' and POST
// /generate's, each checked), and each gets a card at once, with no file written. The component
// runs as it does on the server's own /preview page: in the server's sandboxed frame (an opaque
// origin whose policy allows no network), given its built code by postMessage. This page holds
// the token (from its URL's #token= fragment, or MOCKPILOT_TOKEN under `npm run dev`); the
// component never sees it. `serve` must list this page's origin in [server] allowed_origins.

// Taken once (React may call a state initializer twice, and the first call clears the fragment).
let taken = null;
function takeToken() {
  if (taken !== null) return taken;
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  if (token === null) {
    taken = __MOCKPILOT_TOKEN__;
  } else {
    taken = token;
    // Out of the address bar, so a copied URL or a screenshot does not carry it.
    history.replaceState(null, "", location.pathname + location.search);
  }
  return taken;
}

function ServedFrame({ serve, token, id }) {
  const frame = useRef(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    // The frame says when its loader runs; the code may come before or after that, and is posted
    // once both are here. "*" because a sandboxed frame's origin is opaque.
    let code = null, ready = false, sent = false, live = true;
    const send = () => {
      if (sent || code === null || !ready || !frame.current) return;
      sent = true;
      frame.current.contentWindow.postMessage({ code }, "*");
    };
    const listen = (message) => {
      if (!frame.current || message.source !== frame.current.contentWindow || !message.data || message.data.ready !== true) return;
      ready = true;
      send();
    };
    window.addEventListener("message", listen);
    fetch(serve + "/preview/components/" + encodeURIComponent(id), { headers: token ? { Authorization: "Bearer " + token } : {} })
      .then(async (reply) => {
        if (!reply.ok) throw new Error((await reply.json().catch(() => ({}))).error || "status " + reply.status);
        return reply.text();
      })
      .then((text) => { code = text; send(); })
      .catch((error) => { if (live) setProblem("could not build " + id + ": " + (error.message || error)); });
    return () => { live = false; window.removeEventListener("message", listen); };
  }, [serve, token, id]);
  if (problem) return <p className="problem text-sm text-red-700">{problem}</p>;
  return <iframe ref={frame} title={id} sandbox="allow-scripts" src={serve + "/preview/frame.html"} className="h-60 w-full border-0" />;
}

export default function ServedCards({ serve }) {
  const [token] = useState(takeToken);
  const [state, setState] = useState("connecting");
  const [cards, setCards] = useState([]);
  useEffect(() => {
    document.body.dataset.state = state;
  }, [state]);
  useEffect(() => {
    const source = new EventSource(serve + "/events?session=all" + (token ? "&token=" + encodeURIComponent(token) : ""));
    source.addEventListener("open", () => setState("following"));
    source.addEventListener("error", () => setState(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting"));
    source.addEventListener("message", (message) => {
      let line;
      try { line = JSON.parse(message.data); } catch { return; }
      const component = line.type === "component" && line.component;
      const id = component && component.event && String(component.event.spec_id || "");
      if (!id) return;
      // A reconnect replays after the last id seen, and an event seen twice is shown once; the
      // same spec made again is a new event and a new card, newest first.
      const key = message.lastEventId || id + "@" + Date.now();
      setCards((shown) => shown.some((card) => card.key === key) ? shown : [{ key, id, name: component.name || "" }, ...shown]);
    });
    return () => source.close();
  }, [serve, token]);
  return (
    <>
      <p className="mb-3 text-sm text-slate-500">
        {serve}: <span id="state">{state}</span>, {cards.length} component{cards.length === 1 ? "" : "s"} made
      </p>
      <div id="served" className="mb-8 grid grid-cols-1 gap-6 md:grid-cols-2">
        {cards.map((card) => (
          <section key={card.key} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-3 font-mono text-xs text-slate-500">{(card.name ? card.name + " · " : "") + card.id}</h2>
            <ServedFrame serve={serve} token={token} id={card.id} />
          </section>
        ))}
      </div>
    </>
  );
}
