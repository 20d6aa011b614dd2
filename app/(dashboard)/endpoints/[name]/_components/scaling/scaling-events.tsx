'use client';
/** The last scaling decisions, newest first, each with the figure that caused it. */
import type { ScalingStatus } from '../../../../../_lib/queries/scaling';
import { eventSentence } from './policy-values';

const SHOWN = 8;

export function ScalingEvents({ events }: { events: ScalingStatus['events'] }) {
  if (events.length === 0) return <p className="muted">No scaling decision in the last hour.</p>;
  return (
    <ul aria-label="Scaling decisions">
      {events
        .slice(-SHOWN)
        .reverse()
        .map((e) => (
          <li key={`${e.t}-${e.toReplicas}`}>
            <time dateTime={new Date(e.t).toISOString()}>{new Date(e.t).toLocaleTimeString()}</time> {eventSentence(e)}
          </li>
        ))}
    </ul>
  );
}
