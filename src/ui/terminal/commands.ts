// What the page itself knows about terminal lines: the prompt, the examples offered as chips, the one line it
// answers itself (`clear`) and the longest line it sends. Everything else is text for the worker's shell.

export const DEFAULT_PORT = 8080;

/** bash's default prompt for root; the lab's host is called lab (the prompt is part of the shell, not translated) */
export const PROMPT = 'root@lab:~# ';

/** the questions a student asks about a listener, in a lesson's order: the listener, its SYN queue, the counters,
 *  the knobs; the port is the scenario's */
export function exampleCommands(port: number | null): readonly string[] {
  const p = port ?? DEFAULT_PORT;
  return [
    'ss -lnt',
    `ss -tn state syn-recv sport = :${p}`,
    'nstat -az TcpExtListen*',
    'netstat -s | grep -i listen',
    'cat /proc/net/tcp',
    'sysctl net.core.somaxconn',
    'help',
  ];
}

/** lines the page answers itself instead of sending them to the worker */
export function isClear(line: string): boolean {
  return line.trim() === 'clear';
}

/** the longest line sent to the worker (a pasted page of text is refused with a message, not cut) */
export const MAX_LINE = 500;
