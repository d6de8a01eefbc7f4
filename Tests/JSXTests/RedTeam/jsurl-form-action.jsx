// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <form action={["javas", "cript:fetch('/pwned')"].join("")}><button type="submit">Send</button></form>;
}
