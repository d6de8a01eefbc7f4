// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <audio src="https://attacker.test/track.mp3" controls />;
}
