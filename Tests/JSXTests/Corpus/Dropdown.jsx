import React, { useState, useRef, useEffect } from "react";

export default function Dropdown({ options, value, onChange, placeholder = "Select…" }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef();

  useEffect(function closeOnOutsideClick() {
    function handle(e) { if (root.current && !root.current.contains(e.target)) setOpen(false); }
    document.addEventListener("mousedown", handle);
    return () => document.removeEventListener("mousedown", handle);
  }, []);

  const onKeyDown = (e) => {
    if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
    else if (e.key === "Enter") { onChange(options[active]); setOpen(false); }
  };

  const selected = options.find((o) => o.value === value?.value);
  return (
    <div ref={root} className="relative w-56" onKeyDown={onKeyDown}>
      <button type="button" onClick={() => setOpen(!open)} className="w-full rounded border px-3 py-2 text-left">
        {selected?.label || placeholder}
      </button>
      {open ? (
        <ul role="listbox" className="absolute mt-1 w-full rounded border bg-white shadow">
          {options.map((o, i) => (
            <li key={o.value} role="option" aria-selected={o.value === value?.value}
              className={i === active ? "bg-indigo-50" : ""} onMouseEnter={() => setActive(i)}
              onClick={() => { onChange(o); setOpen(false); }}>
              {o.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
