// probe: dangerouslySetInnerHTML by a computed key; refused by: spread-props
export default function Probe() {
  return <div {...{ [["dangerously", "SetInnerHTML"].join("")]: { __html: "<img src=x onerror=\"fetch('/pwned')\">" } }} />;
}
