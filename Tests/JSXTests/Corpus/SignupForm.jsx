import React, { useState, useEffect } from "react";

// A sign-up form with validation and a disabled submit while sending.
export default function SignupForm({ onSubmit = () => {}, initialEmail = "" }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState({});
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!email) return;
    const id = setTimeout(() => setErrors((e) => ({ ...e, email: /\S+@\S+\.\S+/.test(email) ? null : "Invalid email" })), 300);
    return () => clearTimeout(id);
  }, [email]);

  const handleSubmit = async (event) => {
    event.preventDefault();
    setSending(true);
    try {
      await onSubmit({ email, password });
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={handleSubmit} className="mx-auto max-w-sm space-y-4 rounded-xl bg-white p-6 shadow">
      <label className="block">
        <span className="text-sm font-medium text-gray-700">Email</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)}
          className="mt-1 w-full rounded-md border px-3 py-2" />
        {errors.email && <p className="text-xs text-red-600">{errors.email}</p>}
      </label>
      <label className="block">
        <span className="text-sm font-medium text-gray-700">Password</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={8} />
      </label>
      <button type="submit" disabled={sending || !email} className={`w-full rounded-full py-2 ${sending ? "opacity-50" : ""}`}>
        {sending ? "Sending&hellip;" : "Create account"}
      </button>
    </form>
  );
}
