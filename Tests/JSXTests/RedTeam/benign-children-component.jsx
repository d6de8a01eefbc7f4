// benign twin: must pass the check
function Card({ title, children }) {
  return <article className="rounded-xl p-4"><h3>{title}</h3>{children}</article>;
}
export default function Probe() {
  return <Card title="Plan">Pick one</Card>;
}
