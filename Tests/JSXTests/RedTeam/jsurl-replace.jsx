// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <a href={"jXvascript:fetch('/pwned')".replace("X", "a")}>Open</a>;
}
