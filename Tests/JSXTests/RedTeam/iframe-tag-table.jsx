// probe: iframe from a computed tag; refused by: unlisted-element
const tags = { frame: "ifr" + "ame".toString() };
export default function Probe() {
  const Tag = tags.frame;
  return <Tag srcDoc="<script>fetch('/pwned')</script>" />;
}
