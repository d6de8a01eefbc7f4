// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  const to = "java".concat("script:fetch('/pwned')");
  return <form><button type="submit" formAction={to}>Send</button></form>;
}
