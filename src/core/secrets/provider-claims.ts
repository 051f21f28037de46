// One finding per secret: a value that a provider format recognises is the provider-token rule's,
// which names the provider and checks the format. The generic rules ask here before reporting a
// value that such a format may also cover.
import { providerDetectors } from './detectors';

/**
 * Whether a provider detector, reading `text` from `windowStart` to `windowEnd` (the connection
 * string or line around the value, where its keywords are), reports a match overlapping [start, end).
 */
export function claimedByProvider(text: string, start: number, end: number, windowStart: number, windowEnd: number): boolean {
  const window = text.slice(windowStart, windowEnd);
  return providerDetectors.some(
    (detector) =>
      detector.keywords.some((keyword) => window.includes(keyword)) &&
      detector.detect(window).some((match) => match.start + windowStart < end && match.end + windowStart > start),
  );
}
