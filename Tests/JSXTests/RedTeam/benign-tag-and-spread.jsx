// benign twin: must pass the check
const Heading = "h2";
const buttonProps = { type: "button", className: "rounded-full px-4", "aria-label": "Close" };
export default function Probe() {
  return (
    <section>
      <Heading>Title</Heading>
      <button {...buttonProps}>×</button>
    </section>
  );
}
