// What happened: the narrated kernel log. (Placeholder: the panel is being built.)
export function LogPanel() {
  return <section className="panel log" data-area="log" />;
}
