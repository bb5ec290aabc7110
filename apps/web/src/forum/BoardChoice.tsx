// The boards a forum action covers (a vote, « Les incontournables »): one checkbox per board,
// named by its territory where it has one.
import type { ForumBoard } from './api';

export function BoardChoice({
  legend,
  boards,
  chosen,
  onChange,
}: {
  legend: string;
  boards: readonly ForumBoard[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  return (
    <fieldset className="board-choice">
      <legend>{legend}</legend>
      {boards.map((b) => (
        <label key={b.id}>
          <input
            type="checkbox"
            checked={chosen.has(b.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(b.id);
              else next.delete(b.id);
              onChange(next);
            }}
          />
          {b.territory ?? b.title}
        </label>
      ))}
    </fieldset>
  );
}
