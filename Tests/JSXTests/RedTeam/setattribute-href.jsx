// probe: setAttribute at run time; refused by: unlisted-call
import { useEffect, useRef } from "react";
export default function Probe() {
  const link = useRef(null);
  useEffect(() => { link.current.setAttribute("href", ["java", "script:fetch('/pwned')"].join("")); }, []);
  return <a ref={link} href="#">Open</a>;
}
