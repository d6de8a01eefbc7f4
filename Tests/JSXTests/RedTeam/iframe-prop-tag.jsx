// probe: iframe from a computed tag; refused by: unlisted-element
const Box = ({ as: Tag = "div", ...rest }) => <Tag {...rest} />;
export default function Probe() {
  return <Box as={["ifr", "ame"].join("")} srcDoc="<script>fetch('/pwned')</script>" />;
}
