// The knobs: sysctls, the application, the traffic. (Placeholder: the panel is being built.)
export function KnobsPanel() {
  return <section className="panel knobs" data-area="knobs" />;
}
