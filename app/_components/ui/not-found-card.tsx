import Link from 'next/link';

/** The body of a `not-found.tsx`: what is missing and where to find the ones that exist. */
export function NotFoundCard({ what, listHref, listLabel }: { what: string; listHref: string; listLabel: string }) {
  return (
    <div className="card">
      <h1>{what} not found</h1>
      <p className="muted">There is no {what.toLowerCase()} by that name.</p>
      <Link href={listHref}>{listLabel}</Link>
    </div>
  );
}
