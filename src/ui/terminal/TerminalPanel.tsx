// The terminal: ss, nstat, netstat, /proc, sysctl. (Placeholder: the panel is being built.)
export function TerminalPanel() {
  return <section className="panel terminal" data-area="terminal" />;
}
