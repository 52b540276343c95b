// The facts that set the running scenario up, as chips: listen(), a missing bind() (and the port the kernel picked),
// the clients, the sysctls it sets
// in the server's namespace, and (dashed) those it sets on the host, which that namespace ignores. The port and the
// run's length are left to the panels that show them (the clock, the listen socket), so the row stays one line.
import { useApp, useT } from '../context.ts';
import { shortSysctl } from './texts.ts';

export function ScenarioFacts() {
  const t = useT();
  const meta = useApp((s) => (s.run.phase === 'live' ? s.run.meta : null));
  // without bind() the port is the kernel's choice, which the model reports with every frame
  const port = useApp((s) => (s.run.phase === 'live' ? s.run.frame.port : null));
  if (!meta) return <ul className="sb-facts" />;
  return (
    <ul className="sb-facts" aria-label={t('scenario.facts')} data-testid="scenario-facts">
      <li>
        <code>{t('scenario.listen', { backlog: meta.backlog })}</code>
      </li>
      {meta.port === null && (
        <li data-testid="port" data-value={port ?? ''}>
          {port === null ? t('scenario.port_auto') : t('scenario.port_picked', { port })}
        </li>
      )}
      {meta.clients.normal > 0 && <li>{t('scenario.normal', { n: meta.clients.normal })}</li>}
      {meta.clients.spoofed > 0 && <li>{t('scenario.spoofed', { n: meta.clients.spoofed })}</li>}
      {Object.entries(meta.sysctl).map(([name, value]) => (
        <li key={name} title={t('scenario.sysctl_hint', { name, value })}>
          <code>
            {shortSysctl(name)}={value}
          </code>
        </li>
      ))}
      {Object.entries(meta.host_sysctl ?? {}).map(([name, value]) => (
        <li key={`host:${name}`} className="host" title={t('scenario.host_hint', { name, value })} data-testid="host-sysctl">
          <code>{t('scenario.host', { name: shortSysctl(name), value })}</code>
        </li>
      ))}
    </ul>
  );
}
