// probe: dangerouslySetInnerHTML by a computed key; refused by: spread-props
export default function Probe() {
  const name = ["dangerously", "Set", "Inner", "HTML"].join("");
  return <div {...Object.fromEntries([[name, { __html: "<img src=x onerror=\"fetch('/pwned')\">" }]])} />;
}
