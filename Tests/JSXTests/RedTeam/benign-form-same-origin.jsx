// benign twin: must pass the check
export default function Probe() {
  return (
    <form action="/subscribe" method="post">
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" required />
      <button type="submit" formAction="/subscribe/now">Join</button>
    </form>
  );
}
