/**
 * Marks figures that are upsampled estimates from a sample of requests, not counts (use cases and
 * languages); the page around it says so in words once (it appears 14 times on the hub).
 */
export function EstimatedBadge() {
  return (
    <span className="badge badge--estimated">estimated</span>
  );
}
