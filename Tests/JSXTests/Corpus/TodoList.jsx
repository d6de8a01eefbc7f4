import { useReducer, useState } from "react";

function reducer(state, action) {
  switch (action.type) {
    case "add":
      return [...state, { id: Date.now(), text: action.text, done: false }];
    case "toggle":
      return state.map((t) => (t.id === action.id ? { ...t, done: !t.done } : t));
    case "remove":
      return state.filter((t) => t.id !== action.id);
    default:
      throw new Error(`unknown action ${action.type}`);
  }
}

export default function TodoList() {
  const [todos, dispatch] = useReducer(reducer, []);
  const [text, setText] = useState("");
  const left = todos.filter(t => !t.done).length;
  return (
    <section className="w-80 space-y-2">
      <form onSubmit={(e) => { e.preventDefault(); if (text.trim()) { dispatch({ type: "add", text }); setText(""); } }}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="What needs doing?" />
      </form>
      <ul>
        {todos.map(({ id, text, done }) => (
          <li key={id} className="flex items-center gap-2">
            <input type="checkbox" checked={done} onChange={() => dispatch({ type: "toggle", id })} />
            <span className={done ? "line-through text-gray-400" : ""}>{text}</span>
            <button onClick={() => dispatch({ type: "remove", id })}>✕</button>
          </li>
        ))}
      </ul>
      <p className="text-xs">{left} item{left === 1 ? "" : "s"} left</p>
    </section>
  );
}
