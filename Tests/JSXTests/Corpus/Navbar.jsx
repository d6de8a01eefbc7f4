import { useState } from "react";

const links = [["Home", "/"], ["Docs", "/docs"], ["Pricing", "/pricing"], ["Blog", "https://example.com/blog"]];

export default function Navbar({ user, logo: Logo = () => <span className="font-bold">Acme</span> }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const initials = user?.name?.split(" ").map((p) => p[0]).join("") ?? "?";
  return (
    <header className="sticky top-0 z-10 bg-white/80 backdrop-blur">
      <nav className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
        <Logo />
        <ul className={`gap-6 md:flex ${menuOpen ? "flex" : "hidden"}`}>
          {links.map(([label, href]) => (
            <li key={href}><a href={href} className="hover:text-indigo-600">{label}</a></li>
          ))}
        </ul>
        <button className="md:hidden" onClick={() => setMenuOpen(o => !o)} aria-expanded={menuOpen}>
          <svg viewBox="0 0 24 24" className="h-6 w-6"><path d="M4 6h16M4 12h16M4 18h16" strokeWidth={2} stroke="currentColor" /></svg>
        </button>
        {user ? <div className="h-8 w-8 rounded-full bg-gray-200 text-center leading-8">{initials}</div> : <a href="/login">Sign in</a>}
      </nav>
    </header>
  );
}
