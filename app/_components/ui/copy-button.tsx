'use client';
import { useState } from 'react';

/** Copies `text` to the clipboard and says so for a moment ("Copied"), or that it could not. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setState('failed');
    }
  };
  return (
    <button type="button" className="secondary" aria-label={label} onClick={() => void copy()} onBlur={() => setState('idle')}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
