// probe: iframe from a computed tag; refused by: unlisted-element
export default function Probe() {
  const Tag = ["ifr", "ame"].join("");
  return <Tag srcDoc="<script>fetch('/pwned')</script>" />;
}
