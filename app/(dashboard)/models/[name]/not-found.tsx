import Link from 'next/link';

export default function ModelNotFound() {
  return (
    <div className="card">
      <h1>Model not found</h1>
      <p className="muted">There is no model by that name.</p>
      <Link href="/models">All models</Link>
    </div>
  );
}
