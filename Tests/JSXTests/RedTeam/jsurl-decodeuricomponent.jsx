// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <a href={decodeURIComponent("%6Aavascript:fetch('/pwned')")}>Open</a>;
}
