/* Ping sockets (Linux's net/ipv4/ping.c): socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) lets an
 * ordinary program send ICMP echo requests without a raw socket. sendto takes an ICMP
 * header (type 8, code 0) and the payload; the kernel puts the socket's identifier (its
 * "port", chosen at bind or the first send) into the header's id field and computes the
 * checksum. recvfrom returns an echo reply whose id is ours, from its ICMP header on, and
 * the replier's address with port 0.
 *
 * Under it is an lwIP raw pcb for IP protocol 1: lwIP shows the raw pcbs every ICMP packet
 * before its own ICMP code, so ping_rcv takes (eats) the echo replies that carry our id and
 * lets everything else through, so lwIP still answers pings sent to MenuOS itself. */
#include <menuos/poll.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>
#include "lwip/inet_chksum.h"
#include "lwip/ip.h"
#include "lwip/raw.h"
#include "lwip/prot/icmp.h"

#define PING_RCVBUF    (64 * 1024)
#define PING_MAX_SOCKS MEMP_NUM_RAW_PCB

struct icmp_echo {
	u8_t type, code;
	u16_t checksum;
	u16_t id, sequence; /* network order */
};

static struct sock
	*ping_table[PING_MAX_SOCKS]; /* the bound ones, by identifier */

static int ping_ident_in_use(u16_t ident)
{
	for (int i = 0; i < PING_MAX_SOCKS; i++)
		if (ping_table[i] && ping_table[i]->inet_sport == ident)
			return 1;
	return 0;
}

/* Linux's ping_get_port: the identifier asked for, or the next free one after the last
 * given out (never 0). ident is in network order. */
static int ping_get_port(struct sock *sk, u16_t ident)
{
	static u16_t rover;
	int slot = -1;

	for (int i = 0; i < PING_MAX_SOCKS; i++)
		if (!ping_table[i]) {
			slot = i;
			break;
		}
	if (slot < 0)
		return -EAGAIN;
	if (ident) {
		if (ping_ident_in_use(ident))
			return -EADDRINUSE;
	} else {
		do {
			if (++rover == 0)
				rover = 1;
			ident = lwip_htons(rover);
		} while (ping_ident_in_use(ident));
	}
	sk->inet_sport = ident;
	ping_table[slot] = sk;
	return 0;
}

static void ping_unhash(struct sock *sk)
{
	for (int i = 0; i < PING_MAX_SOCKS; i++)
		if (ping_table[i] == sk)
			ping_table[i] = NULL;
}

/* lwIP's raw input: p starts at the IP header. 1 = ours (we free p), 0 = not ours. */
static u8_t ping_rcv(void *arg, struct raw_pcb *pcb, struct pbuf *p,
		     const ip_addr_t *addr)
{
	struct sock *sk = arg;
	struct icmp_echo icmph;
	struct sk_dgram *d;
	u16_t hlen;

	(void)pcb;
	if (p->len < IP_HLEN)
		return 0;
	hlen = IPH_HL_BYTES((struct ip_hdr *)p->payload);
	if (p->tot_len < hlen + sizeof(icmph) ||
	    pbuf_copy_partial(p, &icmph, sizeof(icmph), hlen) != sizeof(icmph))
		return 0;
	if (icmph.type != ICMP_ER || icmph.code != 0 || !sk->inet_sport ||
	    icmph.id != sk->inet_sport)
		return 0;
	if (sk->inet_daddr && sk->inet_daddr != ip_addr_get_ip4_u32(addr))
		return 0;
	if (sk->sk_shutdown & RCV_SHUTDOWN ||
	    sk->dg_bytes + p->tot_len > (size_t)sk->sk_rcvbuf)
		goto drop;
	d = kmalloc(sizeof(*d) + p->tot_len - hlen);
	if (!d)
		goto drop;
	d->len = pbuf_copy_partial(p, d->data, p->tot_len - hlen, hlen);
	if (inet_chksum(d->data, d->len) !=
	    0) { /* Linux's icmp_rcv: csum error */
		kfree(d);
		goto drop;
	}
	memset(&d->from, 0, sizeof(d->from));
	d->from.sin_family = AF_INET;
	d->from.sin_addr.s_addr = ip_addr_get_ip4_u32(addr);
	d->fromlen = sizeof(d->from);
	sk_dgram_queue(sk, d);
drop:
	pbuf_free(p);
	return 1;
}

static int ping_init_sock(struct sock *sk)
{
	struct raw_pcb *pcb = raw_new(IP_PROTO_ICMP);

	if (!pcb)
		return -ENOBUFS;
	raw_recv(pcb, ping_rcv, sk);
	sk->pcb = pcb;
	sk->sk_rcvbuf = PING_RCVBUF;
	sk->sk_sndbuf = PING_RCVBUF;
	return 0;
}

static void ping_close(struct sock *sk)
{
	ping_unhash(sk);
	raw_remove(sk->pcb);
	sk->pcb = NULL;
}

/* sin_port is the identifier to use (0: any free one). */
static int ping_bind(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;
	int err;

	if (sk->inet_sport)
		return -EINVAL;
	err = ping_get_port(sk, sin->sin_port);
	if (err)
		return err;
	ip_addr_set_ip4_u32(&ip, sin->sin_addr.s_addr);
	if (raw_bind(sk->pcb, &ip) != ERR_OK) {
		ping_unhash(sk);
		sk->inet_sport = 0;
		return -EADDRNOTAVAIL;
	}
	sk->inet_saddr = sin->sin_addr.s_addr;
	return 0;
}

static int ping_connect(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;

	ip_addr_set_ip4_u32(&ip, sin->sin_addr.s_addr
					 ? sin->sin_addr.s_addr
					 : PP_HTONL(INADDR_LOOPBACK));
	if (raw_connect(sk->pcb, &ip) != ERR_OK)
		return -EINVAL;
	sk->inet_daddr = ip_addr_get_ip4_u32(&ip);
	return 0;
}

static int ping_disconnect(struct sock *sk)
{
	raw_disconnect(sk->pcb);
	sk->inet_daddr = 0;
	return 0;
}

/* Linux's ping_v4_sendmsg: checks the header, fills in id and checksum, sends. */
static int ping_v4_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	const struct sockaddr_in *to = msg->msg_name;
	size_t idx = 0, off = 0;
	struct icmp_echo *icmph;
	struct pbuf *p;
	ip_addr_t dst;
	u32_t daddr;
	err_t err;

	if (len > 0xffff)
		return -EMSGSIZE;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (to) {
		if (msg->msg_namelen < (int)sizeof(*to))
			return -EINVAL;
		if (to->sin_family != AF_INET)
			return to->sin_family == AF_UNSPEC ? -EINVAL
							   : -EAFNOSUPPORT;
		daddr = to->sin_addr.s_addr;
	} else {
		if (!sk->inet_daddr)
			return -EDESTADDRREQ;
		daddr = sk->inet_daddr;
	}
	if (len < sizeof(*icmph))
		return -EINVAL;
	if (sk->sk_shutdown & SEND_SHUTDOWN) {
		if (!(msg->msg_flags & MSG_NOSIGNAL))
			send_sig(SIGPIPE, current);
		return -EPIPE;
	}
	if (!sk->inet_sport && ping_get_port(sk, 0))
		return -EAGAIN;

	p = pbuf_alloc(PBUF_IP, len, PBUF_RAM);
	if (!p)
		return -ENOBUFS;
	if (memcpy_from_msg(p->payload, msg, &idx, &off, len)) {
		pbuf_free(p);
		return -EFAULT;
	}
	icmph = p->payload;
	if (icmph->type != ICMP_ECHO || icmph->code != 0) {
		pbuf_free(p);
		return -EINVAL; /* only echo requests (Linux's ping_supported) */
	}
	icmph->id = sk->inet_sport;
	icmph->checksum = 0;
	icmph->checksum = inet_chksum(p->payload, len);
	ip_addr_set_ip4_u32(&dst, daddr ? daddr : PP_HTONL(INADDR_LOOPBACK));
	err = raw_sendto(sk->pcb, p, &dst);
	pbuf_free(p);
	if (err != ERR_OK)
		return err == ERR_RTE ? -ENETUNREACH : -err_to_errno(err);
	return len;
}

static int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
			int flags)
{
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	return sk_dgram_recvmsg(sk, msg, len, flags);
}

static int ping_shutdown(struct sock *sk, int how)
{
	sk->sk_shutdown |= how;
	return 0;
}

static unsigned int ping_poll(struct sock *sk)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	if (sk->dg_head)
		mask |= POLLIN | POLLRDNORM;
	if (sk->sk_err)
		mask |= POLLERR;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= POLLHUP;
	return mask;
}

static int ping_getname(struct sock *sk, struct sockaddr_in *sin, int peer)
{
	if (peer) {
		if (!sk->inet_daddr)
			return -ENOTCONN;
		sin->sin_addr.s_addr = sk->inet_daddr;
		sin->sin_port = 0;
	} else {
		sin->sin_addr.s_addr = sk->inet_saddr;
		sin->sin_port = sk->inet_sport;
	}
	return 0;
}

static int ping_setsockopt(struct sock *sk, int optname, int val)
{
	(void)sk, (void)val;
	if (optname == -SO_REUSEADDR || optname == -SO_KEEPALIVE)
		return 0;
	return -ENOPROTOOPT;
}

static int ping_getsockopt(struct sock *sk, int optname, int *val)
{
	(void)sk, (void)optname, (void)val;
	return -ENOPROTOOPT;
}

struct proto ping_prot = {
	.name = "PING",
	.init = ping_init_sock,
	.close = ping_close,
	.bind = ping_bind,
	.connect = ping_connect,
	.disconnect = ping_disconnect,
	.sendmsg = ping_v4_sendmsg,
	.recvmsg = ping_recvmsg,
	.shutdown = ping_shutdown,
	.poll = ping_poll,
	.getname = ping_getname,
	.setsockopt = ping_setsockopt,
	.getsockopt = ping_getsockopt,
};
