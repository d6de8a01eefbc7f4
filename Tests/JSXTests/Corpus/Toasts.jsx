import { useState, useEffect, useRef } from "react";

let nextId = 1;

export function useToasts(timeout = 3000) {
  const [toasts, setToasts] = useState([]);
  const timers = useRef(new Map());
  const push = (message, kind = "info") => {
    const id = nextId++;
    setToasts((t) => [...t, { id, message, kind }]);
    timers.current.set(id, setTimeout(() => dismiss(id), timeout));
    return id;
  };
  const dismiss = (id) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((t) => t.filter((x) => x.id !== id));
  };
  useEffect(() => () => { for (const t of timers.current.values()) clearTimeout(t); }, []);
  return { toasts, push, dismiss };
}

const tones = { info: "bg-blue-600", error: "bg-red-600", success: "bg-emerald-600" };

export default function Toasts() {
  const { toasts, push, dismiss } = useToasts();
  return (
    <div>
      <button onClick={() => push("Saved!", "success")}>Save</button>
      <div className="fixed bottom-4 right-4 space-y-2">
        {toasts.map(({ id, message, kind }) => (
          <div key={id} className={`${tones[kind] ?? tones.info} rounded px-4 py-2 text-white`} role="status">
            {message}
            <button onClick={() => dismiss(id)} className="ml-3">×</button>
          </div>
        ))}
      </div>
    </div>
  );
}
