// The log panel's messages in every language: keys 'log.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
// Every decision code has a sentence ('log.code.<code>', a compile error if one is missing); a few codes have a
// variant for what the kernel saw ('log.code.<code>.<variant>', chosen in narrate.ts). A sentence says what the
// kernel checked, what it did and why; {who} is the client it concerns, the other placeholders are the
// decision's args (see the decide() call sites in src/kernel).
import type { LogCode } from './codes.ts';

export const logEn = {
  'log.heading': 'What happened',
  'log.list': 'Kernel decisions, oldest first',
  'log.empty': 'Nothing yet: press Play or Step to watch the kernel decide.',
  'log.empty_filtered': 'No decision shown here moved {counter}.',
  'log.filter': 'Only decisions that moved {counter}: {n} of {total}',
  'log.filter_clear': 'Show all',
  'log.filter_clear_label': 'Show all decisions (stop filtering by {counter})',
  'log.filter_partial': 'Decisions left out during a flood cannot be filtered.',
  'log.chip_label': 'Show only decisions that moved {counter}',
  'log.skipped_total': '{n} decisions not shown (a flood makes more than the page is sent)',
  'log.gap': '… {n} more decisions between {from} s and {to} s not shown',
  'log.earlier': '… {n} earlier decisions not shown',
  'log.latest': 'Latest ↓',
  'log.fn_label': '{fn} in {file}: Linux v6.18 source on elixir.bootlin.com (opens in a new tab)',
  'log.same': 'Same as above, for {who}.',
  'log.who.client': 'client {id}',
  'log.who.unknown': 'an unknown peer',
  'log.unknown': '{fn} took a decision this page does not know yet: {code}.',

  // listen()
  'log.code.listen_capped': 'listen() asked for backlog {requested}, more than net.core.somaxconn ({somaxconn}): the kernel silently caps it at {backlog}.',
  'log.code.listen_capped.negative': 'listen() passed backlog {requested}. Compared as an unsigned number it is huge, so the kernel caps it at net.core.somaxconn = {backlog}.',
  'log.code.listen_started': 'The socket enters LISTEN on port {port} with backlog {backlog} (sk_max_ack_backlog): SYNs to this port now reach it.',
  'log.code.listen_backlog_changed': 'listen() on a socket that already listens only rewrites the backlog, {old} → {backlog}; both queues use the new limit at once.',
  'log.code.listen_einval': 'listen() fails with EINVAL: the socket is {state}, and only an unconnected socket in CLOSE or LISTEN may listen.',
  'log.code.listen_eaddrinuse': 'listen() fails with EADDRINUSE: another socket already listens on port {port} (SO_REUSEADDR does not let two sockets listen on one port).',
  'log.code.autobind_port': 'listen() without bind(): the kernel picks a free port itself, {port}, from net.ipv4.ip_local_port_range.',

  // a SYN to the listener
  'log.code.syn_broadcast_drop': 'SYN from {who} was sent to a broadcast or multicast address: TCP never answers those, so it is dropped.',
  'log.code.syn_queue_full_cookie': 'SYN from {who}: the SYN queue is full ({qlen} requests, backlog {backlog}). tcp_syncookies is on, so the kernel answers with a SYN cookie and keeps no state.',
  'log.code.syn_queue_full_drop': 'SYN from {who}: the SYN queue is full ({qlen} requests, backlog {backlog}) and tcp_syncookies is 0, so the SYN is dropped. The client will send it again.',
  'log.code.syn_accept_queue_full': 'SYN from {who} dropped without a reply: the accept queue is full ({acc} waiting for accept(), backlog {backlog}), so there is no room for another connection. The client will retry.',
  'log.code.syn_accept_queue_full.cookie': 'SYN from {who} dropped without a reply: the SYN queue is full too, and even a SYN cookie is not sent while the accept queue is full ({acc} waiting, backlog {backlog}).',
  'log.code.syn_last_quarter_drop': 'SYN from {who} dropped: with tcp_syncookies = 0 the kernel keeps the last quarter of tcp_max_syn_backlog ({max_syn_backlog}) for peers it already knows, and {qlen} requests are queued.',
  'log.code.syn_cookie_sent': 'SYN from {who}: tcp_syncookies = 2 answers every SYN with a SYN cookie, full queue or not, and keeps no request.',
  'log.code.syn_request_created': 'SYN from {who}: there is room, so the kernel keeps a request in the SYN queue (now {qlen}) and sends a SYN-ACK.',

  // segments for a request sock
  'log.code.req_dup_syn_synack': 'Repeated SYN from {who} (it has not seen our SYN-ACK): the request already exists, so the kernel sends the SYN-ACK again and pushes its timer back.',
  'log.code.req_dup_syn_ratelimited': 'Repeated SYN from {who}: a SYN-ACK went out less than tcp_invalid_ratelimit ago, so this one gets no answer.',
  'log.code.req_bad_ack_rst': 'ACK from {who} does not acknowledge our SYN-ACK (wrong ack number): the request is left alone and the segment goes to the listener, which resets it.',
  'log.code.req_out_of_window': 'Segment from {who} is outside its request’s receive window: dropped, answered with an ACK unless rate-limited.',
  'log.code.req_rst_or_syn': 'RST or a new SYN from {who} for a half-open request: the kernel removes the request (a SYN is answered with a RST).',
  'log.code.req_no_ack': 'Segment from {who} for its request has no ACK flag, so it cannot complete the handshake: dropped.',
  'log.code.req_defer_accept_drop': 'Bare ACK from {who} while TCP_DEFER_ACCEPT waits for data: the kernel marks the request acked and drops the ACK; data will complete it.',
  'log.code.req_overflow_acked': 'Final ACK from {who}, but the accept queue is full ({acc} waiting, backlog {backlog}). tcp_abort_on_overflow = 0: the ACK is dropped and the request stays in the SYN queue; the client believes it is connected, and the next SYN-ACK retransmission gives it another try.',
  'log.code.req_overflow_abort': 'Final ACK from {who}, but the accept queue is full. tcp_abort_on_overflow = 1: the kernel sends a RST and removes the request; the client gets ECONNRESET.',
  'log.code.req_child_created': 'Final ACK from {who} completes the handshake: the request leaves the SYN queue and a new socket joins the accept queue (now {acc}) to wait for accept().',

  // the listener itself
  'log.code.cookie_valid_child': 'ACK from {who} carries a valid SYN cookie: the kernel rebuilds the connection from it and puts a new socket in the accept queue (now {acc}).',
  'log.code.cookie_valid_overflow': 'ACK from {who} carries a valid SYN cookie, but the accept queue is full ({acc} waiting, backlog {backlog}): dropped silently, no RST, and nothing is kept.',
  'log.code.cookie_invalid_rst': 'ACK from {who} matches no request and its SYN cookie does not check out: it is a stray ACK, answered with a RST.',
  'log.code.cookie_no_recent_overflow_rst': 'ACK from {who} matches no request, and this listener sent no SYN cookie in the last two minutes, so it cannot be one: answered with a RST.',
  'log.code.listener_ack_rst': 'ACK from {who} reached the listening socket with no request or cookie behind it: a listener answers such an ACK with a RST.',
  'log.code.listener_ack_rst.no_socket': 'Segment from {who} to a port nothing listens on: the kernel answers with a RST.',
  'log.code.listener_drop': 'Segment from {who} to the listener is a RST or carries neither SYN nor ACK: dropped silently.',
  'log.code.child_segment': 'Segment from {who} belongs to an established connection: its own socket handles it; the listener’s queues are not involved.',

  // the request timer
  'log.code.req_timer_rtx': 'The SYN-ACK timer of {who}’s request fired while it is still in the SYN queue: the kernel sends the SYN-ACK again (retry {nth} of {retries}) and doubles the wait.',
  'log.code.req_timer_rtx_pruned': 'The SYN-ACK timer of {who}’s request fired. The SYN queue is over half full and only {young} of {qlen} requests have never timed out, so the kernel allows {retries} retries instead of {configured}; it sends the SYN-ACK again (retry {nth}).',
  'log.code.req_timer_expired': 'Retries used up ({retries}): the kernel drops {who}’s request silently (no RST is sent) and frees its place in the SYN queue.',
  'log.code.req_timer_expired.listener_closed': 'The listener is closed: when its timer fires, the kernel drops {who}’s pending request.',
  'log.code.req_timer_expired_pruned': 'Retries used up: the SYN queue is over half full of old requests (only {young} of {qlen} young), so the kernel allowed {retries} retries instead of {configured} and now drops {who}’s request silently.',

  // accept()
  'log.code.accept_ok': 'The application’s accept() takes the oldest connection, {who}, from the head of the accept queue.',
  'log.code.accept_eagain': 'The application calls accept(), but the accept queue is empty: EAGAIN (non-blocking socket).',
  'log.code.accept_einval': 'accept() fails with EINVAL: the socket is not listening.',
} as const satisfies Record<`log.${string}`, string> & Record<`log.code.${LogCode}`, string>;

export const logZhCN: Readonly<Record<keyof typeof logEn, string>> = {
  'log.heading': '发生了什么',
  'log.list': '内核决策（按时间先后）',
  'log.empty': '暂无记录：点击 Play 或 Step，看内核如何决策。',
  'log.empty_filtered': '此处显示的决策中没有改变 {counter} 的。',
  'log.filter': '只看改变 {counter} 的决策：{total} 条中的 {n} 条',
  'log.filter_clear': '显示全部',
  'log.filter_clear_label': '显示全部决策（取消按 {counter} 筛选）',
  'log.filter_partial': '洪泛期间省略的决策无法参与筛选。',
  'log.chip_label': '只看改变 {counter} 的决策',
  'log.skipped_total': '{n} 条决策未显示（洪泛时产生的决策多于页面能接收的数量）',
  'log.gap': '…… {from} 秒至 {to} 秒之间另有 {n} 条决策未显示',
  'log.earlier': '…… 更早的 {n} 条决策未显示',
  'log.latest': '最新 ↓',
  'log.fn_label': '{fn}，位于 {file}：elixir.bootlin.com 上的 Linux v6.18 源码（在新标签页打开）',
  'log.same': '同上，这次是{who}。',
  'log.who.client': '客户端 {id}',
  'log.who.unknown': '未知对端',
  'log.unknown': '{fn} 做出了本页面尚不认识的决策：{code}。',

  'log.code.listen_capped': 'listen() 请求的 backlog 为 {requested}，大于 net.core.somaxconn（{somaxconn}）：内核不报错，直接截为 {backlog}。',
  'log.code.listen_capped.negative': 'listen() 传入的 backlog 为 {requested}。按无符号数比较它是个极大的数，因此被截为 net.core.somaxconn = {backlog}。',
  'log.code.listen_started': '套接字在端口 {port} 进入 LISTEN 状态，backlog 为 {backlog}（sk_max_ack_backlog）：此后发往该端口的 SYN 都交给它。',
  'log.code.listen_backlog_changed': '对已在监听的套接字再次调用 listen()，只会改写 backlog：{old} → {backlog}；两个队列立即按新上限判断。',
  'log.code.listen_einval': 'listen() 返回 EINVAL：套接字处于 {state}，只有未连接且处于 CLOSE 或 LISTEN 状态的套接字才能监听。',
  'log.code.listen_eaddrinuse': 'listen() 返回 EADDRINUSE：端口 {port} 已有其他套接字在监听（SO_REUSEADDR 也不允许两个套接字监听同一端口）。',
  'log.code.autobind_port': '没有先 bind() 就调用 listen()：内核从 net.ipv4.ip_local_port_range 中自动选了空闲端口 {port}。',

  'log.code.syn_broadcast_drop': '{who} 的 SYN 发往广播或组播地址：TCP 从不应答这类报文，直接丢弃。',
  'log.code.syn_queue_full_cookie': '{who} 的 SYN：半连接队列已满（{qlen} 个请求，backlog {backlog}）。tcp_syncookies 已开启，内核改用 SYN cookie 应答，不保存任何状态。',
  'log.code.syn_queue_full_drop': '{who} 的 SYN：半连接队列已满（{qlen} 个请求，backlog {backlog}），且 tcp_syncookies 为 0，SYN 被丢弃。客户端稍后会重发。',
  'log.code.syn_accept_queue_full': '{who} 的 SYN 被丢弃且不回复：全连接队列已满（{acc} 个连接等待 accept()，backlog {backlog}），容不下新连接。客户端会重试。',
  'log.code.syn_accept_queue_full.cookie': '{who} 的 SYN 被丢弃且不回复：半连接队列也已满，而全连接队列已满（{acc} 个等待，backlog {backlog}）时连 SYN cookie 也不发。',
  'log.code.syn_last_quarter_drop': '{who} 的 SYN 被丢弃：tcp_syncookies = 0 时，内核把 tcp_max_syn_backlog（{max_syn_backlog}）的最后四分之一留给已知的对端，而现在已有 {qlen} 个请求。',
  'log.code.syn_cookie_sent': '{who} 的 SYN：tcp_syncookies = 2 时，无论队列满不满，每个 SYN 都用 SYN cookie 应答，不保留请求。',
  'log.code.syn_request_created': '{who} 的 SYN：队列还有空位，内核在半连接队列中建立请求（现有 {qlen} 个），并回复 SYN-ACK。',

  'log.code.req_dup_syn_synack': '{who} 重发了 SYN（它没收到我方的 SYN-ACK）：请求已存在，内核再次发送 SYN-ACK，并推迟该请求的定时器。',
  'log.code.req_dup_syn_ratelimited': '{who} 重发了 SYN：距上次发送 SYN-ACK 不到 tcp_invalid_ratelimit，这次不回复。',
  'log.code.req_bad_ack_rst': '{who} 的 ACK 确认号不对（不是对我方 SYN-ACK 的确认）：请求保持不变，该报文交给监听套接字，由它回复 RST。',
  'log.code.req_out_of_window': '{who} 的报文不在该请求的接收窗口内：丢弃，并回复一个 ACK（受速率限制）。',
  'log.code.req_rst_or_syn': '{who} 对半连接请求发来 RST 或新的 SYN：内核删除该请求（若是 SYN 则回复 RST）。',
  'log.code.req_no_ack': '{who} 发给该请求的报文没有 ACK 标志，无法完成握手：丢弃。',
  'log.code.req_defer_accept_drop': 'TCP_DEFER_ACCEPT 正在等数据，{who} 只发来纯 ACK：内核把请求标记为已确认（acked）并丢弃该 ACK，等数据到达再完成连接。',
  'log.code.req_overflow_acked': '{who} 发来第三次握手的 ACK，但全连接队列已满（{acc} 个等待，backlog {backlog}）。tcp_abort_on_overflow = 0：丢弃该 ACK，请求留在半连接队列；客户端以为已经连上，下一次 SYN-ACK 重传会让它再试一次。',
  'log.code.req_overflow_abort': '{who} 发来第三次握手的 ACK，但全连接队列已满。tcp_abort_on_overflow = 1：内核回复 RST 并删除请求，客户端得到 ECONNRESET。',
  'log.code.req_child_created': '{who} 的 ACK 完成了三次握手：请求离开半连接队列，新套接字进入全连接队列（现有 {acc} 个），等待 accept()。',

  'log.code.cookie_valid_child': '{who} 的 ACK 带有有效的 SYN cookie：内核据此重建连接，把新套接字放入全连接队列（现有 {acc} 个）。',
  'log.code.cookie_valid_overflow': '{who} 的 ACK 带有有效的 SYN cookie，但全连接队列已满（{acc} 个等待，backlog {backlog}）：静默丢弃，不回 RST，也不保留任何状态。',
  'log.code.cookie_invalid_rst': '{who} 的 ACK 找不到对应的请求，其中的 SYN cookie 校验失败：按无主 ACK 处理，回复 RST。',
  'log.code.cookie_no_recent_overflow_rst': '{who} 的 ACK 找不到对应的请求，而该监听套接字近两分钟内没发过 SYN cookie，它不可能是 cookie：回复 RST。',
  'log.code.listener_ack_rst': '{who} 的 ACK 到达监听套接字，却没有对应的请求或 cookie：监听套接字对这种 ACK 回复 RST。',
  'log.code.listener_ack_rst.no_socket': '{who} 的报文发往无人监听的端口：内核回复 RST。',
  'log.code.listener_drop': '{who} 发给监听套接字的是 RST，或既无 SYN 也无 ACK：静默丢弃。',
  'log.code.child_segment': '{who} 的报文属于已建立的连接：由该连接自己的套接字处理，与监听套接字的队列无关。',

  'log.code.req_timer_rtx': '{who} 的请求仍在半连接队列中，其 SYN-ACK 定时器到期：内核重发 SYN-ACK（第 {nth} 次重试，最多 {retries} 次），并把等待时间加倍。',
  'log.code.req_timer_rtx_pruned': '{who} 的请求的 SYN-ACK 定时器到期。半连接队列已过半，{qlen} 个请求中只有 {young} 个从未超时，内核把重试次数从 {configured} 降为 {retries}；现在重发 SYN-ACK（第 {nth} 次重试）。',
  'log.code.req_timer_expired': '重试次数（{retries}）已用完：内核静默删除 {who} 的请求（不发 RST），腾出它在半连接队列中的位置。',
  'log.code.req_timer_expired.listener_closed': '监听套接字已关闭：定时器到期时，内核删除 {who} 尚未完成的请求。',
  'log.code.req_timer_expired_pruned': '重试次数已用完：半连接队列已过半且多为旧请求（{qlen} 个中仅 {young} 个从未超时），内核只允许 {retries} 次重试（而不是 {configured} 次），现在静默删除 {who} 的请求。',

  'log.code.accept_ok': '应用调用 accept()，从全连接队列头部取走最早的连接：{who}。',
  'log.code.accept_eagain': '应用调用 accept()，但全连接队列为空：返回 EAGAIN（非阻塞套接字）。',
  'log.code.accept_einval': 'accept() 返回 EINVAL：该套接字没有在监听。',
};
