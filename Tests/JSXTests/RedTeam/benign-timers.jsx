// benign twin: must pass the check
import { useEffect, useState } from "react";
export default function Probe() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const t = setTimeout(() => setShown(false), 3000);
    return () => clearTimeout(t);
  }, []);
  return shown ? <div role="status">Saved</div> : null;
}
