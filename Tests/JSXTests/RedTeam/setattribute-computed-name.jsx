// probe: setAttribute at run time; refused by: unlisted-call
export default function Probe() {
  return <img alt="" src="/missing.png" ref={(el) => el && el[["set", "Attribute"].join("")]("onerror", "fetch('/pwned')")} />;
}
