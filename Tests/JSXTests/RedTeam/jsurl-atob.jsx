// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <a href={atob("amF2YXNjcmlwdDpmZXRjaCgnL3B3bmVkL2pzdXJsLWF0b2InKQ==")}>Open</a>;
}
