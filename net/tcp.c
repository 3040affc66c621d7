/* TCP under the inet layer: tcp_prot, the glue between struct sock and an lwIP tcp_pcb
 * (raw API). Linux's functions have lwIP counterparts: tcp_v4_connect ~ tcp_connect,
 * tcp_sendmsg ~ tcp_write + tcp_output, tcp_v4_rcv ~ tcp_input, the SYN-ACK of
 * tcp_v4_conn_request ~ tcp_listen_input. lwIP calls back into this file (recv, sent,
 * err, accept, connected): the callbacks only copy data in, queue connections, record
 * errors and wake the socket's wait queue; the socket calls do the sleeping.
 * The raw-API rules this file keeps are in ../shared/notes/lwip.md ("Raw-API rules"). */
#include <menuos/poll.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include <linux/tcp.h>
#include "lwip/tcp.h"
#include "lwip/priv/tcp_priv.h"

#define TCP_RX_RING \
	TCP_WND /* lwIP never sends more than the window we advertise */

static unsigned int ip_of(const ip_addr_t *ip)
{
	return ip_addr_get_ip4_u32(ip);
}

static void addr_to_ip(unsigned int s_addr, ip_addr_t *ip, int for_connect)
{
	/* connecting to 0.0.0.0 means this host, as on Linux */
	if (for_connect && s_addr == 0)
		s_addr = PP_HTONL(INADDR_LOOPBACK);
	ip_addr_set_ip4_u32(ip, s_addr);
}

/* Remembers the pcb's addresses for getsockname/getpeername. */
static void tcp_cache_addrs(struct sock *sk, struct tcp_pcb *pcb)
{
	sk->inet_saddr = ip_of(&pcb->local_ip);
	sk->inet_sport = lwip_htons(pcb->local_port);
	sk->inet_daddr = ip_of(&pcb->remote_ip);
	sk->inet_dport = lwip_htons(pcb->remote_port);
}

/* ---- lwIP's callbacks ---- */

static err_t tcp_recv_cb(void *arg, struct tcp_pcb *pcb, struct pbuf *p,
			 err_t err)
{
	struct sock *sk = arg;

	(void)pcb;
	if (!p) { /* the peer's FIN */
		sk->sk_shutdown |= RCV_SHUTDOWN;
		if (sk->sk_state == TCP_ESTABLISHED)
			sk->sk_state = TCP_CLOSE_WAIT;
		sk_wake(sk);
		return ERR_OK;
	}
	if (err != ERR_OK || !sk->rx_buf) {
		pbuf_free(p);
		return ERR_OK;
	}
	if (p->tot_len > sk->rx_size - sk_rx_queued(sk))
		return ERR_MEM; /* lwIP keeps it and offers it again later */
	for (struct pbuf *q = p; q;
	     q = q->next) { /* into the ring, in one or two pieces */
		size_t at = sk->rx_head % sk->rx_size,
		       first = min((size_t)q->len, sk->rx_size - at);
		memcpy(sk->rx_buf + at, q->payload, first);
		memcpy(sk->rx_buf, (char *)q->payload + first, q->len - first);
		sk->rx_head += q->len;
	}
	pbuf_free(p);
	sk_wake(sk);
	return ERR_OK;
}

static err_t tcp_sent_cb(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)pcb, (void)len;
	sk_wake(arg);
	return ERR_OK;
}

/* The pcb is already freed when this runs (rule 1): forget it, record why, wake. */
static void tcp_err_cb(void *arg, err_t err)
{
	struct sock *sk = arg;

	if (!sk)
		return;
	sk->pcb = NULL;
	if (err != ERR_CLSD) { /* ERR_CLSD: closed normally after both FINs */
		if (sk->sk_state == TCP_SYN_SENT)
			sk->sk_err = err == ERR_RST ? ECONNREFUSED
						    : err_to_errno(err);
		else if (sk->sk_state == TCP_CLOSE_WAIT && err == ERR_RST)
			sk->sk_err =
				EPIPE; /* Linux's tcp_reset in CLOSE_WAIT */
		else
			sk->sk_err = err_to_errno(err);
	}
	sk->sk_state = TCP_CLOSE;
	sk->sk_shutdown = SHUTDOWN_MASK;
	sk_wake(sk);
	if (sk->sk_parent)
		sk_wake(sk->sk_parent);
}

static err_t tcp_connected_cb(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct sock *sk = arg;

	(void)err;
	sk->sk_state = TCP_ESTABLISHED;
	tcp_cache_addrs(sk, pcb);
	sk_wake(sk);
	return ERR_OK;
}

static void tcp_set_callbacks(struct sock *sk, struct tcp_pcb *pcb)
{
	tcp_arg(pcb, sk);
	tcp_recv(pcb, tcp_recv_cb);
	tcp_sent(pcb, tcp_sent_cb);
	tcp_err(pcb, tcp_err_cb);
}

/* Rule 3: no callback may reach the sock once it is gone. */
static void tcp_clear_callbacks(struct tcp_pcb *pcb)
{
	tcp_arg(pcb, NULL);
	tcp_recv(pcb, NULL);
	tcp_sent(pcb, NULL);
	tcp_err(pcb, NULL);
	tcp_poll(pcb, NULL, 0);
}

static void tcp_apply_options(struct sock *sk, struct tcp_pcb *pcb)
{
	if (sk->sk_reuse)
		ip_set_option(pcb, SOF_REUSEADDR);
	if (sk->sk_keepalive)
		ip_set_option(pcb, SOF_KEEPALIVE);
	if (sk->sk_nodelay)
		tcp_nagle_disable(pcb);
}

/* The receive ring of a socket that can carry data (a listener has none). */
static int tcp_rx_ring(struct sock *sk)
{
	if (sk->rx_buf)
		return 0;
	sk->rx_buf = kmalloc(TCP_RX_RING);
	if (!sk->rx_buf)
		return -ENOBUFS;
	sk->rx_size = TCP_RX_RING;
	return 0;
}

static int tcp_new_pcb(struct sock *sk)
{
	struct tcp_pcb *pcb = tcp_new();

	if (!pcb)
		return -ENOBUFS;
	tcp_set_callbacks(sk, pcb);
	tcp_apply_options(sk, pcb);
	sk->pcb = pcb;
	return 0;
}

/* A connection the listener's pcb accepted (the SYN-ACK went out, the ACK came). */
static err_t tcp_accept_cb(void *arg, struct tcp_pcb *newpcb, err_t err)
{
	struct sock *lsk = arg, *sk;

	if (err != ERR_OK || !newpcb || !lsk)
		return ERR_VAL;
	if (lsk->sk_ack_backlog > lsk->sk_max_ack_backlog)
		goto refuse; /* the accept queue is full (lwIP's own check is the first) */
	sk = sk_alloc(AF_INET, SOCK_STREAM, IPPROTO_TCP, &tcp_prot);
	if (!sk)
		goto refuse;
	if (tcp_rx_ring(sk)) {
		sk_free(sk);
		goto refuse;
	}
	sk->sk_rcvbuf = lsk->sk_rcvbuf;
	sk->sk_sndbuf = lsk->sk_sndbuf;
	sk->sk_reuse = lsk->sk_reuse;
	sk->sk_keepalive = lsk->sk_keepalive;
	sk->sk_nodelay = lsk->sk_nodelay;
	sk->sk_bound = 1;
	sk->sk_state = TCP_ESTABLISHED;
	sk->pcb = newpcb;
	tcp_set_callbacks(sk, newpcb);
	tcp_apply_options(sk, newpcb);
	tcp_cache_addrs(sk, newpcb);
	tcp_backlog_delayed(
		newpcb); /* rule 6: counts against the backlog until accept() */

	sk->sk_parent = lsk;
	if (lsk->accept_tail)
		lsk->accept_tail->accept_next = sk;
	else
		lsk->accept_head = sk;
	lsk->accept_tail = sk;
	lsk->sk_ack_backlog++;
	sk_wake(lsk);
	return ERR_OK;

refuse:
	tcp_abort(newpcb);
	return ERR_ABRT; /* rule 2 */
}

struct sock *tcp_accept_dequeue(struct sock *lsk)
{
	struct sock *sk = lsk->accept_head;

	lsk->accept_head = sk->accept_next;
	if (!lsk->accept_head)
		lsk->accept_tail = NULL;
	sk->accept_next = NULL;
	sk->sk_parent = NULL;
	lsk->sk_ack_backlog--;
	if (sk->pcb)
		tcp_backlog_accepted(sk->pcb);
	return sk;
}

int tcp_listen_start(struct sock *sk, int backlog)
{
	struct tcp_pcb *lpcb;
	err_t err;

	if (!sk->pcb && tcp_new_pcb(sk))
		return -ENOBUFS;
	if (!sk->sk_bound) { /* listen() without bind(): an ephemeral port, as Linux */
		err = tcp_bind(sk->pcb, IP4_ADDR_ANY, 0);
		if (err != ERR_OK)
			return -err_to_errno(err);
		sk->sk_bound = 1;
	}
	/* Linux queues backlog + 1 connections */
	lpcb = tcp_listen_with_backlog_and_err(sk->pcb, min(backlog + 1, 255),
					       &err);
	if (!lpcb)
		return -err_to_errno(err);
	sk->pcb = lpcb; /* rule 5: the old pcb is freed */
	tcp_arg(lpcb, sk);
	tcp_accept(lpcb, tcp_accept_cb);
	sk->sk_state = TCP_LISTEN;
	sk->sk_max_ack_backlog = backlog;
	sk->inet_sport = lwip_htons(lpcb->local_port);
	sk->inet_saddr = ip_of(&lpcb->local_ip);
	kfree(sk->rx_buf); /* a listener receives connections, not data */
	sk->rx_buf = NULL;
	sk->rx_size = 0;
	return 0;
}

/* ---- tcp_prot ---- */

static int tcp_sk_init(struct sock *sk)
{
	if (tcp_rx_ring(sk))
		return -ENOBUFS;
	sk->sk_rcvbuf = TCP_WND;
	sk->sk_sndbuf = TCP_SND_BUF;
	return tcp_new_pcb(sk);
}

static void tcp_abort_queued(struct sock *lsk)
{
	while (lsk->accept_head) {
		struct sock *child = tcp_accept_dequeue(lsk);
		if (child->pcb) {
			tcp_clear_callbacks(child->pcb);
			tcp_abort(child->pcb);
		}
		sk_free(child);
	}
}

static void tcp_sk_close(struct sock *sk)
{
	struct tcp_pcb *pcb = sk->pcb;

	sk->pcb = NULL;
	if (sk->sk_state == TCP_LISTEN) {
		tcp_arg(pcb,
			NULL); /* rule 3: a listen pcb has only arg and accept */
		tcp_accept(pcb, NULL);
		tcp_close(pcb);
		tcp_abort_queued(sk);
		return;
	}
	if (!pcb)
		return;
	tcp_clear_callbacks(pcb);
	/* unread data: reset the connection, as Linux does; else the FIN handshake runs on
	 * in lwIP without us (rule 4: if tcp_close cannot, abort) */
	if (sk_rx_queued(sk) || sk->sk_linger == 0 || tcp_close(pcb) != ERR_OK)
		tcp_abort(pcb); /* SO_LINGER {1, 0} asks for the reset too */
}

/* A listening port is busy even for SO_REUSEADDR (Linux refuses the bind too). */
static int port_has_listener(u16_t port, unsigned int s_addr)
{
	for (struct tcp_pcb_listen *l = tcp_listen_pcbs.listen_pcbs; l;
	     l = l->next)
		if (l->local_port == port &&
		    (ip_of(&l->local_ip) == 0 || s_addr == 0 ||
		     ip_of(&l->local_ip) == s_addr))
			return 1;
	return 0;
}

static int local_address(unsigned int s_addr)
{
	struct netif *netif;

	if (s_addr == 0 || (lwip_ntohl(s_addr) >> 24) == 127)
		return 1;
	NETIF_FOREACH(netif)
	if (ip4_addr_get_u32(netif_ip4_addr(netif)) == s_addr)
		return 1;
	return 0;
}

static int tcp_sk_bind(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;
	u16_t port = lwip_ntohs(sin->sin_port);

	if (!sk->pcb && tcp_new_pcb(sk))
		return -ENOBUFS;
	if (!local_address(sin->sin_addr.s_addr))
		return -EADDRNOTAVAIL;
	if (port && port_has_listener(port, sin->sin_addr.s_addr))
		return -EADDRINUSE;
	addr_to_ip(sin->sin_addr.s_addr, &ip, 0);
	err_t err = tcp_bind(sk->pcb, &ip, port);
	if (err != ERR_OK)
		return -err_to_errno(err);
	tcp_cache_addrs(sk, sk->pcb);
	return 0;
}

static int tcp_v4_connect(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;
	err_t err;

	if (!sk->pcb && tcp_new_pcb(sk)) /* a connect after a failed one */
		return -ENOBUFS;
	sk->sk_err = 0;
	sk->sk_shutdown = 0;
	sk->rx_head = sk->rx_tail = 0;
	addr_to_ip(sin->sin_addr.s_addr, &ip, 1);
	err = tcp_connect(sk->pcb, &ip, lwip_ntohs(sin->sin_port),
			  tcp_connected_cb);
	if (err != ERR_OK)
		return err == ERR_RTE ? -ENETUNREACH : -err_to_errno(err);
	sk->sk_state = TCP_SYN_SENT;
	sk->sk_bound = 1;
	tcp_cache_addrs(sk, sk->pcb);
	return 0;
}

/* A listener that stops listening (Linux's inet_csk_listen_stop): shutdown(SHUT_RD) or
 * connect(AF_UNSPEC). Its pcb is a listen pcb, which has no recv callback to clear
 * (lwIP asserts), so it goes the way close takes it; the socket is a fresh one after,
 * receive ring and all, and whoever sleeps in accept wakes to -EINVAL. */
static int tcp_listen_stop(struct sock *sk)
{
	tcp_sk_close(sk);
	sk->sk_state = TCP_CLOSE;
	sk->sk_bound = 0;
	sk_wake(sk);
	return tcp_rx_ring(sk) ? -ENOBUFS : tcp_new_pcb(sk);
}

/* connect(AF_UNSPEC): back to a fresh, unbound socket. */
static int tcp_sk_disconnect(struct sock *sk)
{
	if (sk->sk_state == TCP_LISTEN)
		return tcp_listen_stop(sk);
	if (sk->pcb) {
		tcp_clear_callbacks(sk->pcb);
		tcp_abort(sk->pcb);
		sk->pcb = NULL;
	}
	sk->sk_state = TCP_CLOSE;
	sk->sk_shutdown = 0;
	sk->sk_bound = 0;
	sk->rx_head = sk->rx_tail = 0;
	return tcp_new_pcb(sk);
}

static int tcp_writable(struct sock *sk)
{
	struct tcp_pcb *pcb = sk->pcb;

	return !pcb || sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN) ||
	       (tcp_sndbuf(pcb) > 0 &&
		tcp_sndqueuelen(pcb) < TCP_SND_QUEUELEN / 2);
}

/* Sends what tcp_write queued. A listening socket's pcb is lwIP's smaller tcp_pcb_listen,
 * which tcp_output must never see (an assertion), and has nothing to send anyway. */
static void tcp_push(struct sock *sk)
{
	if (sk->pcb && sk->sk_state != TCP_LISTEN)
		tcp_output(sk->pcb);
}

int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size)
{
	int flags = msg->msg_flags;
	long timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT);
	size_t copied = 0, idx = 0, off = 0, pending = 0;
	char buf[1024];
	int err = 0;

	if (sk->sk_state == TCP_SYN_SENT) { /* wait for the connection first */
		err = sk_wait_event(sk, &timeo, sk->sk_state != TCP_SYN_SENT);
		if (err <= 0) {
			err = err ? err : -EAGAIN;
			goto out_err;
		}
	}
	while (copied < size) {
		if (sk->sk_err) {
			err = sock_error(sk);
			goto out_err;
		}
		if ((sk->sk_shutdown & SEND_SHUTDOWN) || !sk->pcb ||
		    (sk->sk_state != TCP_ESTABLISHED &&
		     sk->sk_state != TCP_CLOSE_WAIT)) {
			err = -EPIPE;
			goto out_err;
		}
		struct tcp_pcb *pcb = sk->pcb;
		if (!pending) {
			pending = min(size - copied, sizeof(buf));
			pending = min(pending, (size_t)tcp_sndbuf(pcb));
			if (pending &&
			    memcpy_from_msg(buf, msg, &idx, &off, pending)) {
				err = -EFAULT;
				goto out_err;
			}
		}
		err_t e =
			pending ? tcp_write(
					  pcb, buf, pending,
					  TCP_WRITE_FLAG_COPY |
						  (copied + pending < size
							   ? TCP_WRITE_FLAG_MORE
							   : 0))
				: ERR_MEM;
		if (e == ERR_OK) {
			copied += pending;
			pending = 0;
			continue;
		}
		if (e != ERR_MEM) {
			err = -err_to_errno(e);
			goto out_err;
		}
		/* the send buffer is full: push it out and wait for the peer's ACKs (rule 8) */
		tcp_output(pcb);
		int rc = sk_wait_event(sk, &timeo, tcp_writable(sk));
		if (rc <= 0) {
			err = rc ? rc : -EAGAIN;
			goto out_err;
		}
	}
	tcp_push(sk);
	return copied;

out_err:
	tcp_push(sk);
	if (copied)
		return copied;
	if (err == -EPIPE && !(flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current);
	return err;
}

static int tcp_readable(struct sock *sk)
{
	return sk_rx_queued(sk) || sk->sk_err ||
	       (sk->sk_shutdown & RCV_SHUTDOWN) || sk->sk_state == TCP_CLOSE;
}

int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	size_t target = (flags & MSG_WAITALL) ? len : 1;
	size_t copied = 0, idx = 0, off = 0;

	msg->msg_namelen = 0;
	msg->msg_controllen = 0; /* no ancillary data on TCP */
	if (sk->sk_state == TCP_LISTEN ||
	    (sk->sk_state == TCP_CLOSE && !sk->sk_bound))
		return -ENOTCONN;
	while (copied < len) {
		size_t avail = sk_rx_queued(sk);
		if (avail) {
			size_t n = min(avail, len - copied);
			if (sk_rx_to_msg(sk, msg, &idx, &off, n))
				return copied ? (int)copied : -EFAULT;
			copied += n;
			if (flags & MSG_PEEK)
				break;
			sk->rx_tail += n;
			if (sk->pcb)
				tcp_recved(
					sk->pcb,
					n); /* rule 7: open the window again */
			continue;
		}
		if (copied >= target)
			break;
		if (sk->sk_err) {
			if (copied)
				break;
			return sock_error(sk);
		}
		if ((sk->sk_shutdown & RCV_SHUTDOWN) ||
		    sk->sk_state == TCP_CLOSE)
			break; /* end of stream: 0 */
		if (!timeo)
			return copied ? (int)copied : -EAGAIN;
		int rc = sk_wait_event(sk, &timeo, tcp_readable(sk));
		if (rc < 0)
			return copied ? (int)copied : rc;
		if (rc == 0 && !tcp_readable(sk))
			return copied ? (int)copied : -EAGAIN;
	}
	return copied;
}

static int tcp_sk_shutdown(struct sock *sk, int how)
{
	if (sk->sk_state == TCP_LISTEN)
		return how & RCV_SHUTDOWN ? tcp_listen_stop(sk) : 0;
	if ((how & SEND_SHUTDOWN) && !(sk->sk_shutdown & SEND_SHUTDOWN) &&
	    sk->pcb) {
		err_t err = tcp_shutdown(sk->pcb, 0, 1); /* our FIN */
		if (err != ERR_OK)
			return -err_to_errno(err);
	}
	sk->sk_shutdown |= how;
	return 0;
}

static unsigned int tcp_sk_poll(struct sock *sk)
{
	unsigned int mask = 0;

	if (sk->sk_state == TCP_LISTEN)
		return sk->accept_head ? POLLIN | POLLRDNORM : 0;
	if (sk->sk_err)
		mask |= POLLERR;
	if (sk->sk_shutdown == SHUTDOWN_MASK || sk->sk_state == TCP_CLOSE)
		mask |= POLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (sk->sk_state == TCP_SYN_SENT)
		return mask;
	if (sk_rx_queued(sk))
		mask |= POLLIN | POLLRDNORM;
	if (sk->sk_shutdown & SEND_SHUTDOWN)
		mask |= POLLOUT |
			POLLWRNORM; /* a write fails at once: it does not block */
	else if (!sk->pcb || tcp_writable(sk))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static int tcp_sk_getname(struct sock *sk, struct sockaddr_in *sin, int peer)
{
	struct tcp_pcb *pcb = sk->pcb;

	if (pcb && sk->sk_state != TCP_LISTEN)
		tcp_cache_addrs(sk, pcb);
	if (peer) {
		if (sk->sk_state == TCP_CLOSE || sk->sk_state == TCP_LISTEN ||
		    sk->sk_state == TCP_SYN_SENT)
			return -ENOTCONN;
		sin->sin_addr.s_addr = sk->inet_daddr;
		sin->sin_port = sk->inet_dport;
	} else {
		sin->sin_addr.s_addr = sk->inet_saddr;
		sin->sin_port = sk->inet_sport;
	}
	return 0;
}

static int tcp_sk_setsockopt(struct sock *sk, int optname, int val)
{
	struct tcp_pcb *pcb = sk->sk_state == TCP_LISTEN ? NULL : sk->pcb;

	switch (optname) {
	case -SO_REUSEADDR:
	case -SO_KEEPALIVE: {
		int opt = optname == -SO_REUSEADDR ? SOF_REUSEADDR
						   : SOF_KEEPALIVE;
		if (sk->pcb && val)
			ip_set_option((struct tcp_pcb *)sk->pcb, opt);
		else if (sk->pcb)
			ip_reset_option((struct tcp_pcb *)sk->pcb, opt);
		return 0;
	}
	case TCP_NODELAY:
		sk->sk_nodelay = !!val;
		if (pcb && val)
			tcp_nagle_disable(pcb);
		else if (pcb)
			tcp_nagle_enable(pcb);
		return 0;
	}
	return -ENOPROTOOPT;
}

static int tcp_sk_getsockopt(struct sock *sk, int optname, int *val)
{
	switch (optname) {
	case TCP_NODELAY:
		*val = sk->sk_nodelay;
		return 0;
	case TCP_MAXSEG:
		*val = TCP_MSS;
		return 0;
	}
	return -ENOPROTOOPT;
}

struct proto tcp_prot = {
	.name = "TCP",
	.init = tcp_sk_init,
	.close = tcp_sk_close,
	.bind = tcp_sk_bind,
	.connect = tcp_v4_connect,
	.disconnect = tcp_sk_disconnect,
	.sendmsg = tcp_sendmsg,
	.recvmsg = tcp_recvmsg,
	.shutdown = tcp_sk_shutdown,
	.poll = tcp_sk_poll,
	.getname = tcp_sk_getname,
	.setsockopt = tcp_sk_setsockopt,
	.getsockopt = tcp_sk_getsockopt,
};
