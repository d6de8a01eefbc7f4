// benign twin: must pass the check
import { useState } from "react";
export default function Probe() {
  const [form, setForm] = useState({ name: "", city: "" });
  const update = (field) => (e) => setForm({ ...form, [field]: e.target.value });
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <input value={form.name} onChange={update("name")} aria-label="Name" />
      <input value={form.city} onChange={update("city")} aria-label="City" />
      <svg xmlns="http://www.w3.org/2000/svg" xmlnsXlink="http://www.w3.org/1999/xlink" width="8" height="8"><circle cx="4" cy="4" r="4" /></svg>
    </form>
  );
}
