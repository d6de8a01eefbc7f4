// probe: setAttribute at run time; refused by: dom-write
export default function Probe() {
  return <a ref={(el) => { if (el) el.href = ["java", "script:fetch('/pwned')"].join(""); }}>Open</a>;
}
