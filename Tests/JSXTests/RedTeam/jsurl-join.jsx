// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  const url = ["java", "script:fetch('/pwned')"].join("");
  return <a href={url}>Open</a>;
}
