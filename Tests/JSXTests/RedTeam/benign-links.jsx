// benign twin: must pass the check
export default function Probe({ id = 3 }) {
  return (
    <nav className="flex gap-2">
      <a href="#">Home</a>
      <a href="/docs/intro">Docs</a>
      <a href={`/items/${id}`}>Item</a>
      <a href="https://example.com/pricing" target="_blank" rel="noreferrer">Pricing</a>
      <a href="mailto:team@example.com">Mail</a>
    </nav>
  );
}
