import { Loading } from '../../_components/feedback';

/** Only pages that cannot 404 stream a loading state: a Suspense fallback above a page would send 200 before `notFound()`. */
export default function AuditLoading() {
  return <Loading what="the audit log" />;
}
