// Lesson text as the learner reads it: paragraphs at blank lines, "- " lines as a list, `backticks` as code.
import type { ReactNode } from 'react';

function inline(s: string): ReactNode[] {
  return s.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function RichText(props: { text: string; className?: string; id?: string }) {
  const blocks = props.text.split(/\n\s*\n/);
  return (
    <div className={props.className} id={props.id}>
      {blocks.map((b, i) => {
        const lines = b.split('\n');
        const items = lines.filter((l) => l.startsWith('- '));
        if (items.length === 0) return <p key={i}>{inline(b)}</p>;
        const lead = lines.filter((l) => !l.startsWith('- ')).join(' ');
        return (
          <div key={i}>
            {lead && <p>{inline(lead)}</p>}
            <ul>
              {items.map((l, j) => (
                <li key={j}>{inline(l.slice(2))}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
