/** Marks figures that are upsampled estimates from a sample of requests, not counts (use cases and languages). */
export function EstimatedBadge() {
  return (
    <span className="badge badge--estimated" title="Weekly estimate upsampled from a sample of requests, not a count">
      estimated
    </span>
  );
}
