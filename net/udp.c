/* UDP under the inet layer: udp_prot, the glue between struct sock and an lwIP udp_pcb.
 * Each datagram that arrives is copied into the socket's queue with its sender's address
 * (until the queue holds sk_rcvbuf bytes; then, as in Linux, new ones are dropped), and
 * recvmsg hands them out one at a time, keeping message boundaries. */
#include <menuos/poll.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include "lwip/udp.h"

#define UDP_RCVBUF	(64 * 1024)
#define UDP_MAX_PAYLOAD 65507

static void udp_recv_cb(void *arg, struct udp_pcb *pcb, struct pbuf *p,
			const ip_addr_t *addr, u16_t port)
{
	struct sock *sk = arg;
	struct sk_dgram *d;

	(void)pcb;
	if (sk->sk_shutdown & RCV_SHUTDOWN ||
	    sk->dg_bytes + p->tot_len > (size_t)sk->sk_rcvbuf)
		goto drop;
	d = kmalloc(sizeof(*d) + p->tot_len);
	if (!d)
		goto drop;
	d->len = pbuf_copy_partial(p, d->data, p->tot_len, 0);
	memset(&d->from, 0, sizeof(d->from));
	d->from.sin_family = AF_INET;
	d->from.sin_port = lwip_htons(port);
	d->from.sin_addr.s_addr = ip_addr_get_ip4_u32(addr);
	d->fromlen = sizeof(d->from);
	sk_dgram_queue(sk, d);
drop:
	pbuf_free(p);
}

static int udp_sk_init(struct sock *sk)
{
	struct udp_pcb *pcb = udp_new();

	if (!pcb)
		return -ENOBUFS;
	udp_recv(pcb, udp_recv_cb, sk);
	sk->pcb = pcb;
	sk->sk_rcvbuf = UDP_RCVBUF;
	sk->sk_sndbuf = UDP_RCVBUF;
	return 0;
}

static void udp_sk_close(struct sock *sk)
{
	udp_remove(sk->pcb);
	sk->pcb = NULL;
}

static int udp_sk_bind(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;

	ip_addr_set_ip4_u32(&ip, sin->sin_addr.s_addr);
	err_t err = udp_bind(sk->pcb, &ip, lwip_ntohs(sin->sin_port));
	return err == ERR_OK ? 0 : -err_to_errno(err);
}

static int udp_sk_connect(struct sock *sk, const struct sockaddr_in *sin)
{
	ip_addr_t ip;
	unsigned int s_addr = sin->sin_addr.s_addr;

	ip_addr_set_ip4_u32(&ip, s_addr ? s_addr : PP_HTONL(INADDR_LOOPBACK));
	err_t err = udp_connect(sk->pcb, &ip, lwip_ntohs(sin->sin_port));
	return err == ERR_OK ? 0 : -err_to_errno(err);
}

static int udp_sk_disconnect(struct sock *sk)
{
	udp_disconnect(sk->pcb);
	return 0;
}

static int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct udp_pcb *pcb = sk->pcb;
	const struct sockaddr_in *to = msg->msg_name;
	size_t idx = 0, off = 0;
	ip_addr_t ip;
	err_t err;

	if (sk->sk_shutdown & SEND_SHUTDOWN) {
		if (!(msg->msg_flags & MSG_NOSIGNAL))
			send_sig(SIGPIPE, current);
		return -EPIPE;
	}
	if (to) {
		if (msg->msg_namelen < (int)sizeof(*to))
			return -EINVAL;
		if (to->sin_family != AF_INET && to->sin_family != AF_UNSPEC)
			return -EAFNOSUPPORT;
	} else if (!(pcb->flags & UDP_FLAGS_CONNECTED)) {
		return -EDESTADDRREQ;
	}
	if (len > UDP_MAX_PAYLOAD)
		return -EMSGSIZE;
	struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, len, PBUF_RAM);
	if (!p)
		return -ENOBUFS;
	if (memcpy_from_msg(p->payload, msg, &idx, &off, len)) {
		pbuf_free(p);
		return -EFAULT;
	}
	if (to) {
		unsigned int s_addr = to->sin_addr.s_addr;
		ip_addr_set_ip4_u32(&ip, s_addr ? s_addr
						: PP_HTONL(INADDR_LOOPBACK));
		err = udp_sendto(pcb, p, &ip, lwip_ntohs(to->sin_port));
	} else {
		err = udp_send(pcb, p);
	}
	pbuf_free(p);
	sk->sk_bound = 1; /* lwIP bound it to an ephemeral port if it was not */
	if (err != ERR_OK)
		return err == ERR_RTE ? -ENETUNREACH : -err_to_errno(err);
	return len;
}

static int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
		       int flags)
{
	return sk_dgram_recvmsg(sk, msg, len, flags);
}

static int udp_sk_shutdown(struct sock *sk, int how)
{
	sk->sk_shutdown |= how;
	return 0;
}

static unsigned int udp_sk_poll(struct sock *sk)
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

static int udp_sk_getname(struct sock *sk, struct sockaddr_in *sin, int peer)
{
	struct udp_pcb *pcb = sk->pcb;

	if (peer) {
		if (!(pcb->flags & UDP_FLAGS_CONNECTED))
			return -ENOTCONN;
		sin->sin_addr.s_addr = ip_addr_get_ip4_u32(&pcb->remote_ip);
		sin->sin_port = lwip_htons(pcb->remote_port);
	} else {
		sin->sin_addr.s_addr = ip_addr_get_ip4_u32(&pcb->local_ip);
		sin->sin_port = lwip_htons(pcb->local_port);
	}
	return 0;
}

static int udp_sk_setsockopt(struct sock *sk, int optname, int val)
{
	if (optname == -SO_REUSEADDR) {
		if (val)
			ip_set_option((struct udp_pcb *)sk->pcb, SOF_REUSEADDR);
		else
			ip_reset_option((struct udp_pcb *)sk->pcb,
					SOF_REUSEADDR);
		return 0;
	}
	if (optname == -SO_KEEPALIVE)
		return 0;
	return -ENOPROTOOPT;
}

static int udp_sk_getsockopt(struct sock *sk, int optname, int *val)
{
	(void)sk, (void)optname, (void)val;
	return -ENOPROTOOPT;
}

struct proto udp_prot = {
	.name = "UDP",
	.init = udp_sk_init,
	.close = udp_sk_close,
	.bind = udp_sk_bind,
	.connect = udp_sk_connect,
	.disconnect = udp_sk_disconnect,
	.sendmsg = udp_sendmsg,
	.recvmsg = udp_recvmsg,
	.shutdown = udp_sk_shutdown,
	.poll = udp_sk_poll,
	.getname = udp_sk_getname,
	.setsockopt = udp_sk_setsockopt,
	.getsockopt = udp_sk_getsockopt,
};
