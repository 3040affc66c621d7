/* struct sock: the protocol half of a socket (Linux's include/net/sock.h), here a wrapper
 * around an lwIP pcb. lwIP's callbacks only fill the receive or accept queue, record an
 * error and wake the socket's wait queue; the blocking socket calls sleep on that queue.
 * struct proto is what TCP and UDP do under the inet layer (tcp_prot, udp_prot). */
#ifndef _MENUOS_SOCK_H
#define _MENUOS_SOCK_H

#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/sched.h>
#include <menuos/socket.h>
#include <linux/if_packet.h>
#include <linux/un.h>

/* sk_state: Linux's TCP states (include/net/tcp_states.h) */
enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
};

#define RCV_SHUTDOWN  1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

#define MAX_SCHEDULE_TIMEOUT (-1L)

struct sock;
struct msghdr;

struct proto {
	const char *name;
	int (*init)(struct sock *sk); /* make the lwIP pcb */
	void (*close)(struct sock *sk); /* give the pcb back to lwIP */
	int (*bind)(struct sock *sk, const struct sockaddr_in *addr);
	int (*connect)(struct sock *sk, const struct sockaddr_in *addr);
	int (*disconnect)(struct sock *sk);
	int (*sendmsg)(struct sock *sk, struct msghdr *msg, size_t len);
	int (*recvmsg)(struct sock *sk, struct msghdr *msg, size_t len,
		       int flags);
	int (*shutdown)(struct sock *sk, int how);
	unsigned int (*poll)(struct sock *sk);
	int (*getname)(struct sock *sk, struct sockaddr_in *sin, int peer);
	int (*setsockopt)(struct sock *sk, int optname, int val);
	int (*getsockopt)(struct sock *sk, int optname, int *val);
	int inuse; /* sockets of this protocol now (/proc/net/sockstat) */
};

/* A datagram waiting in a socket's receive queue (UDP, AF_PACKET), with its sender. */
struct sk_dgram {
	struct sk_dgram *next;
	union {
		struct sockaddr_in from;
		struct sockaddr_ll from_ll;
		struct sockaddr_un from_un;
	};
	int fromlen;
	size_t len;
	unsigned char data[];
};

struct sock {
	unsigned short sk_family, sk_type;
	int sk_protocol;
	int sk_state; /* TCP_* */
	struct socket *sk_socket; /* NULL while waiting in an accept queue */
	struct proto *sk_prot;
	int sk_err; /* pending error, a positive errno (SO_ERROR) */
	int sk_shutdown; /* RCV_SHUTDOWN | SEND_SHUTDOWN */
	long sk_rcvtimeo, sk_sndtimeo; /* jiffies, or MAX_SCHEDULE_TIMEOUT */
	int sk_rcvbuf, sk_sndbuf;
	int sk_reuse, sk_keepalive, sk_nodelay;
	int sk_linger;
	int pkt_ifindex; /* AF_PACKET: the bound interface (0: all) */
	unsigned long pkt_drops;
	/* AF_PACKET: packets the full queue refused */ /* SO_LINGER seconds, -1 when off; 0: reset on close */
	int sk_bound; /* bind() (or an implicit bind) happened */
	/* the addresses, network byte order (Linux's struct inet_sock); kept here so
	 * getsockname/getpeername still answer after lwIP freed the pcb */
	unsigned int inet_saddr, inet_daddr;
	unsigned short inet_sport, inet_dport;
	struct wait_queue_head
		sk_wq_own; /* used while there is no struct socket */
	void *pcb; /* struct tcp_pcb * or struct udp_pcb * */

	/* TCP receive ring: lwIP's data is copied here at once and its window opened
	 * again only when the reader takes it (tcp_recved), so flow control is real. */
	unsigned char *rx_buf;
	size_t rx_size, rx_head, rx_tail; /* free-running counters */

	/* UDP receive queue */
	struct sk_dgram *dg_head, *dg_tail;
	size_t dg_bytes;
	unsigned long dg_queued,
		dg_taken; /* datagrams in and out, ever (AF_UNIX) */

	/* listening TCP sockets: connections waiting for accept() */
	struct sock *accept_head, *accept_tail, *accept_next;
	int sk_ack_backlog, sk_max_ack_backlog;
	struct sock *sk_parent; /* the listener a queued connection waits in */
};

static __always_inline struct wait_queue_head *sk_sleep(struct sock *sk)
{
	return sk->sk_socket ? &sk->sk_socket->wq : &sk->sk_wq_own;
}

static __always_inline void sk_wake(struct sock *sk)
{
	wake_up(sk_sleep(sk));
}

static __always_inline size_t sk_rx_queued(const struct sock *sk)
{
	return sk->rx_head - sk->rx_tail;
}

/* net/sock.c */
struct sock *sk_alloc(int family, int type, int protocol, struct proto *prot);
struct sock *sk_alloc_size(size_t size, int family, int type, int protocol,
			   struct proto *prot);
void sk_free(struct sock *sk);
int sock_error(struct sock *sk); /* -sk_err, cleared; 0 if none */
int err_to_errno(int lwip_err);
long sock_rcvtimeo(const struct sock *sk, int nonblock);
long sock_sndtimeo(const struct sock *sk, int nonblock);
int sock_intr_errno(long timeo);
void sock_net_poll(void); /* run the network bottom half (loopback delivery) */
int memcpy_to_msg(struct msghdr *msg, size_t *iov_index, size_t *iov_off,
		  const void *from, size_t len);
int sk_rx_to_msg(struct sock *sk, struct msghdr *msg, size_t *iov_index,
		 size_t *iov_off, size_t n); /* from the stream ring */
int memcpy_from_msg(void *to, struct msghdr *msg, size_t *iov_index,
		    size_t *iov_off, size_t len);
void sk_dgram_queue(struct sock *sk, struct sk_dgram *d);
int sk_dgram_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
		     int flags);

/* Sleeps on wq until cond, a signal, or the end of *timeo (jiffies; MAX_SCHEDULE_TIMEOUT
 * for none; 0 returns at once). Returns 1 if cond became true, 0 on timeout, -ERESTARTSYS or
 * -EINTR on a signal. The bottom half runs first, so loopback traffic is delivered. */
#define wait_event_timeo(wq, timeo, cond)                                      \
	({                                                                     \
		int __rc = 0;                                                  \
		struct wait_queue_entry __wait = { current, NULL };            \
		unsigned long __end = jiffies + *(timeo) + 1;                  \
		sock_net_poll();                                               \
		unsigned long __flags = local_irq_save();                      \
		add_wait_queue((wq), &__wait);                                 \
		for (;;) {                                                     \
			if (cond) {                                            \
				__rc = 1;                                      \
				break;                                         \
			}                                                      \
			if (*(timeo) == 0)                                     \
				break;                                         \
			if (signal_pending_current()) {                        \
				__rc = sock_intr_errno(*(timeo));              \
				break;                                         \
			}                                                      \
			long __left = *(timeo) == MAX_SCHEDULE_TIMEOUT         \
					      ? -1                             \
					      : (long)(__end - jiffies);       \
			if (*(timeo) != MAX_SCHEDULE_TIMEOUT && __left <= 0) { \
				*(timeo) = 0;                                  \
				break;                                         \
			}                                                      \
			sleep_on_current(__left);                              \
			local_irq_restore(__flags);                            \
			sock_net_poll();                                       \
			__flags = local_irq_save();                            \
		}                                                              \
		remove_wait_queue((wq), &__wait);                              \
		local_irq_restore(__flags);                                    \
		__rc;                                                          \
	})

/* the same on the socket's own wait queue: what almost every blocking socket call does */
#define sk_wait_event(sk, timeo, cond) \
	wait_event_timeo(sk_sleep(sk), timeo, cond)

extern struct proto tcp_prot, udp_prot;

/* net/tcp.c: the listening side, used by inet_listen/inet_accept */
int tcp_listen_start(struct sock *sk, int backlog);
struct sock *tcp_accept_dequeue(struct sock *sk);

#endif
