// probe: setAttribute at run time; refused by: unlisted-call
export default function Probe() {
  return <button ref={(el) => el && el.setAttribute("onclick", "fetch('/pwned')")}>Go</button>;
}
