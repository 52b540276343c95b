// The clients' view. (Placeholder: the panel is being built.)
export function ClientsPanel() {
  return <section className="panel clients" data-area="clients" />;
}
