// getservbyport() over a Debian /etc/services, for the few ports a lab uses. ss and netstat print service
// names instead of port numbers unless given -n; anything not listed here prints as a number, as it would
// for a port /etc/services does not name. ss never resolves ports inside ip_local_port_range (is_ephemeral).
const SERVICES: Readonly<Record<number, string>> = {
  21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http', 110: 'pop3', 143: 'imap2',
  443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt',
};

export function service_name(port: number): string {
  return SERVICES[port] ?? String(port);
}
