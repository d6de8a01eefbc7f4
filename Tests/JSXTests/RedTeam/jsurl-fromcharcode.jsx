// probe: javascript: URL built at run time; refused by: unsafe-url
export default function Probe() {
  return <a href={String.fromCharCode(106, 97, 118, 97, 115, 99, 114, 105, 112, 116, 58, 102, 101, 116, 99, 104, 40, 39, 47, 112, 119, 110, 101, 100, 47, 106, 115, 117, 114, 108, 45, 102, 114, 111, 109, 99, 104, 97, 114, 99, 111, 100, 101, 39, 41)}>Open</a>;
}
