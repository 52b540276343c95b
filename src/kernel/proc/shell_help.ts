// What the lab's terminal says about itself: `help`, and the answer to a command it does not have.

export const HELP_TEXT = `Commands (run inside the server's network namespace):
  ss -lnt                              listeners: Recv-Q = accept queue, Send-Q = backlog
  ss -lnt sport = :8080                one listener
  ss -tn state syn-recv sport = :8080  the SYN queue (request socks)
  ss -tan / ss -ltne / ss -tano        everything / details / timers
  netstat -tan                         the same from /proc/net/tcp (listener Send-Q is 0)
  netstat -s                           protocol statistics (TcpExt: listen queue overflows …)
  nstat / nstat -az                    counters: increments since the last nstat / all of them
  cat /proc/net/tcp                    the raw socket table
  cat /proc/net/netstat | /proc/net/snmp   the raw counters
  sysctl net.core.somaxconn            read a knob (sysctl -a lists them)
  sysctl -w net.core.somaxconn=128     change a knob
  ip netns                             list the namespaces
Pipes: … | grep PATTERN, … | head -n N, … | tail -n N, … | wc -l
`;

export function unknown_command(cmd: string): { stdout: string; stderr: string; exit: number } {
  return {
    stdout: '',
    stderr: `${cmd}: command not found\nThis terminal knows: ss, netstat, nstat, cat /proc/net/{tcp,snmp,netstat}, sysctl, ip netns, help.\n`,
    exit: 127,
  };
}
