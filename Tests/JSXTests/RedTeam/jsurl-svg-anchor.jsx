// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <svg width="40" height="40"><a href={["javascript", ":fetch('/pwned')"].join("")}><rect width="40" height="40" /></a></svg>;
}
