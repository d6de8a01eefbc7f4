// benign twin: must pass the check
export default function Probe() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <defs><linearGradient id="g"><stop offset="0" stopColor="#a855f7" /></linearGradient></defs>
      <path d="M5 12h14" strokeLinecap="round" />
      <use href="#g" />
      <circle cx="12" cy="12" r="3"><animate attributeName="r" from="3" to="5" dur="1s" repeatCount="indefinite" /></circle>
    </svg>
  );
}
