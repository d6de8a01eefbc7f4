// benign twin: must pass the check
export default function Probe() {
  return (
    <figure>
      <img src="/logo.png" srcSet="/logo.png 1x, /logo@2x.png 2x" alt="Logo" width={32} height={32} />
      <img src="data:image/png;base64,iVBORw0KGgo=" alt="" />
      <video poster="/poster.png" controls />
    </figure>
  );
}
