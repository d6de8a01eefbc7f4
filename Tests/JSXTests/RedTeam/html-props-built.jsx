// probe: dangerouslySetInnerHTML by a computed key; refused by: dom-write
export default function Probe({ k = ["dangerously", "SetInnerHTML"].join("") }) {
  const props = {};
  props[k] = { __html: "<img src=x onerror=\"fetch('/pwned')\">" };
  return <div {...props} />;
}
