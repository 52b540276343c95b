// The packet ladder. (Placeholder: the panel is being built.)
export function PacketsPanel() {
  return <section className="panel packets" data-area="packets" />;
}
