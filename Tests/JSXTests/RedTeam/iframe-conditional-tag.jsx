// probe: iframe from a computed tag; refused by: unlisted-element
export default function Probe() {
  const Tag = Math.random() < 2 ? "iframe" : "div";
  return <Tag src="https://attacker.test/frame" />;
}
