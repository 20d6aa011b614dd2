import Link from 'next/link';

export default function EndpointNotFound() {
  return (
    <div className="card">
      <h1>Endpoint not found</h1>
      <p className="muted">There is no endpoint by that name.</p>
      <Link href="/endpoints">All endpoints</Link>
    </div>
  );
}
