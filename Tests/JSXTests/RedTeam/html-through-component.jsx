// probe: dangerouslySetInnerHTML by a computed key; refused by: spread-props
const Box = (props) => <div {...props} />;
export default function Probe() {
  const html = { [`dangerously${"Set"}InnerHTML`.trim()]: { __html: "<img src=x onerror=\"fetch('/pwned')\">" } };
  return <Box {...html} />;
}
