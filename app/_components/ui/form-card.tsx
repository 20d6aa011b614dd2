'use client';
import type { ReactNode } from 'react';

/** A titled card holding one form; submitting calls `onSubmit` instead of navigating. */
export function FormCard(props: { id: string; title: string; onSubmit(): void; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
      </form>
    </section>
  );
}
