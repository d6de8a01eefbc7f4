// probe: setAttribute at run time; refused by: escape-member
export default function Probe() {
  return <a href="#" ref={(el) => { if (el) el.attributes.href.value = ["java", "script:fetch('/pwned')"].join(""); }}>Open</a>;
}
