// probe: setAttribute at run time; refused by: dom-write
export default function Probe() {
  return <div ref={(el) => { if (el) el.style.backgroundImage = ["ur", "l(https://attacker.test/bg.png)"].join(""); }}>x</div>;
}
