/**
 * Turns what the model inspector printed on failure (ONNX Runtime's messages, or a Node crash) into
 * a reason an API client may read: ORT's texts carry absolute server paths, sizes of files on the
 * server, source locations and C++ signatures. Known failures get a fixed plain reason; anything
 * else is scrubbed of those parts. Pure: text in, text out.
 */
import { EXTERNAL_DATA_REASON } from '../../protocol/inspect';

export const MAX_REASON_CHARS = 300;

type Reword = string | ((match: RegExpExecArray) => string);

/** First match wins; patterns run on the whole text, before scrubbing. */
const KNOWN: readonly (readonly [RegExp, Reword])[] = [
  [/external data|external initializer|external_data|data_location/i, EXTERNAL_DATA_REASON],
  [/protobuf parsing failed|failed to parse|parse error/i, 'the file is not a valid ONNX model (protobuf parsing failed)'],
  [
    /Unsupported model IR version: (\d+), max supported IR version: (\d+)/,
    (m) => `its IR version ${m[1]} is newer than this ONNX Runtime supports (at most ${m[2]})`,
  ],
  [/No Op registered for ([\w.]+) with domain_version of (\d+)/, (m) => `operator ${m[1]} is not available at opset ${m[2]}`],
];

/** ANSI colours and ORT's log-line prefix (`2026-… [E:onnxruntime:, file.cc:12 operator()]`). */
const NOISE = [/\u001b\[[0-9;]*m/g, /^\S+ \S+ \[[EWIV]:onnxruntime:[^\]]*\]\s*/gm];

const SCRUB: readonly (readonly [RegExp, string])[] = [
  [/\[ONNXRuntimeError\]\s*:\s*\d+\s*:\s*\w+\s*:\s*/g, ''],
  // A qualified C++ function with its parameter list (one level of nested parentheses).
  [/(?:[\w~]+::)+[\w~]+(?:<[^<>]*>)?\((?:[^()]|\([^()]*\))*\)(?:\s*const)?/g, ''],
  // A source location, and the bare function name ORT prints after it.
  [/\S*\.(?:cc|cpp|cxx|c|h|hpp):\d+(?:\s+[A-Z]\w*(?=\s))?/g, ''],
  [/Load model from .*? failed:/g, ''],
  // Absolute paths, quoted or not (POSIX, file:// URLs, Windows drives).
  [/"(?:file:\/\/|\/|[A-Za-z]:\\)[^"]*"/g, '<path>'],
  [/(?:file:\/\/|(?<![\w.)\]])\/)[^\s"',;:)]*|\b[A-Za-z]:\\[^\s"',;)]*/g, '<path>'],
  // Sizes and offsets of files: a number after a word naming one, or before a unit.
  [/\b(size to read|[\w.]*(?:length|size|offset)[\w.]*)(\s*[:=]\s*|\s+)\d+/gi, '$1$2N'],
  [/\b\d+(\s*)(bytes?|[KMGT]i?B)\b/gi, 'N$1$2'],
];

function scrub(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SCRUB) out = out.replace(pattern, replacement);
  return out
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s.,;:]+|[\s,;:]+$/g, '');
}

/** A plain reason from the inspector's stderr, or undefined when nothing readable is left. */
export function plainReason(stderr: string): string | undefined {
  let text = stderr;
  for (const pattern of NOISE) text = text.replace(pattern, '');
  for (const [pattern, reword] of KNOWN) {
    const match = pattern.exec(text);
    if (match) return typeof reword === 'string' ? reword : reword(match);
  }
  // The reason is the last line that is not a stack frame (`    at f (file:…)`).
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*at\s/.test(l));
  const reason = scrub(lines.at(-1) ?? '');
  if (!reason) return undefined;
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
}
