export interface MovementProps {
  movement: number | null;
  isNew: boolean;
}

/** Rank change vs the previous window: arrow and number for the eye, words for screen readers. */
export function Movement({ movement, isNew }: MovementProps) {
  if (isNew) {
    return (
      <span className="badge badge--new">
        NEW<span className="visually-hidden"> this window</span>
      </span>
    );
  }
  if (movement === null || movement === 0) {
    return (
      <span className="movement movement--same">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">rank unchanged</span>
      </span>
    );
  }
  const up = movement > 0;
  const places = Math.abs(movement);
  // Each text one string: one text node to hydrate, not five (this renders in every row of a table).
  return (
    <span className={`movement movement--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{`${up ? '▲' : '▼'}${places}`}</span>
      <span className="visually-hidden">{`${up ? 'up' : 'down'} ${places} ${places === 1 ? 'place' : 'places'}`}</span>
    </span>
  );
}
