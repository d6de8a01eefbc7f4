// probe: dangerouslySetInnerHTML by a computed key; refused by: spread-props
export default function Probe() {
  const name = ["dangerously", "SetInnerHTML"].join("");
  return <div {...Object.assign({}, { title: "x" }, Object.fromEntries([[name, { __html: "<img src=x onerror=\"fetch('/pwned')\">" }]]))} />;
}
