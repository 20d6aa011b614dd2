export default function Home() {
  return <main>Slipway</main>;
}
