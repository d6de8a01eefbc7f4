// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <a href={String.fromCharCode(106, 97, 118, 97, 115, 99, 114, 105, 112, 116, 58, 102, 101, 116, 99, 104, 40, 39, 47, 112, 119, 110, 101, 100, 39, 41)}>Open</a>;
}
