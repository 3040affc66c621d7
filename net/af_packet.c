/* AF_PACKET (Linux's net/packet/af_packet.c, in small): a socket that receives a copy of
 * every packet crossing an interface, which is how tcpdump sees the three-way handshake.
 * Looped-back packets are seen once each (PACKET_HOST) in lwIP's IPv4 input hook; on an
 * Ethernet interface the first packet socket puts taps on the frame output
 * (PACKET_OUTGOING) and the frame input. SOCK_DGRAM gets the network-layer
 * packet, SOCK_RAW the frame (on lo with an all-zero Ethernet header, as Linux). */
#include <menuos/poll.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>
#include <linux/if_ether.h>
#include "lwip/netif.h"
#include "lwip/pbuf.h"

#define ARPHRD_ETHER	 1 /* Linux's include/uapi/linux/if_arp.h */
#define ARPHRD_LOOPBACK	 772
#define PACKET_RCVBUF	 (256 * 1024)
#define MAX_PACKET_SOCKS 16
#define MAX_TAPPED	 4

static struct sock *packet_socks[MAX_PACKET_SOCKS];
struct proto packet_prot = { .name = "PACKET" };

static struct packet_tap {
	struct netif *netif;
	netif_linkoutput_fn linkoutput;
	netif_input_fn input;
} taps[MAX_TAPPED];

static int is_loopback(struct netif *netif)
{
	return netif->name[0] == 'l' && netif->name[1] == 'o';
}

static struct packet_tap *tap_of(struct netif *netif)
{
	for (int i = 0; i < MAX_TAPPED; i++)
		if (taps[i].netif == netif)
			return &taps[i];
	return NULL;
}

/* Gives each interested packet socket a copy. hdrlen bytes of link header lead p. */
static void packet_deliver(struct netif *netif, struct pbuf *p, int hdrlen,
			   int proto, int pkttype)
{
	int ifindex = netif_get_index(netif);

	for (int i = 0; i < MAX_PACKET_SOCKS; i++) {
		struct sock *sk = packet_socks[i];
		if (!sk || (sk->pkt_ifindex && sk->pkt_ifindex != ifindex))
			continue;
		if (sk->sk_protocol != lwip_htons(ETH_P_ALL) &&
		    sk->sk_protocol != lwip_htons(proto))
			continue;
		int raw = sk->sk_type == SOCK_RAW, fake = raw && hdrlen == 0;
		size_t len =
			p->tot_len - (raw ? 0 : hdrlen) + (fake ? ETH_HLEN : 0);
		if (sk->dg_bytes + len > (size_t)sk->sk_rcvbuf) {
			sk->pkt_drops++;
			continue;
		}
		struct sk_dgram *d = kmalloc(sizeof(*d) + len);
		if (!d) {
			sk->pkt_drops++;
			continue;
		}
		unsigned char *to = d->data;
		if (fake) { /* lo has no link header: a zero one with the type */
			memset(to, 0, ETH_HLEN);
			to[12] = proto >> 8;
			to[13] = proto & 0xff;
			to += ETH_HLEN;
		}
		pbuf_copy_partial(p, to, p->tot_len - (raw ? 0 : hdrlen),
				  raw ? 0 : hdrlen);
		d->len = len;
		memset(&d->from_ll, 0, sizeof(d->from_ll));
		d->from_ll.sll_family = AF_PACKET;
		d->from_ll.sll_protocol = lwip_htons(proto);
		d->from_ll.sll_ifindex = ifindex;
		d->from_ll.sll_hatype = is_loopback(netif) ? ARPHRD_LOOPBACK
							   : ARPHRD_ETHER;
		d->from_ll.sll_pkttype = pkttype;
		d->from_ll.sll_halen = ETH_ALEN;
		if (hdrlen) /* the frame's source address */
			pbuf_copy_partial(p, d->from_ll.sll_addr, ETH_ALEN,
					  ETH_ALEN);
		d->fromlen = sizeof(d->from_ll);
		sk_dgram_queue(sk, d);
	}
}

static int frame_type(struct pbuf *p)
{
	unsigned char t[2];

	return pbuf_copy_partial(p, t, 2, 12) == 2 ? (t[0] << 8) | t[1] : 0;
}

/* lwIP's LWIP_HOOK_IP4_INPUT (lwipopts.h): the loopback packets, each seen once. */
int packet_ip4_input_hook(struct pbuf *p, struct netif *inp)
{
	if (is_loopback(inp))
		packet_deliver(inp, p, 0, ETH_P_IP, PACKET_HOST);
	return 0; /* not eaten */
}

static err_t tap_linkoutput(struct netif *netif, struct pbuf *p)
{
	packet_deliver(netif, p, ETH_HLEN, frame_type(p), PACKET_OUTGOING);
	return tap_of(netif)->linkoutput(netif, p);
}

static err_t tap_input(struct pbuf *p, struct netif *netif)
{
	unsigned char dst0;

	pbuf_copy_partial(p, &dst0, 1, 0);
	packet_deliver(netif, p, ETH_HLEN, frame_type(p),
		       dst0 == 0xff ? PACKET_BROADCAST : PACKET_HOST);
	return tap_of(netif)->input(p, netif);
}

/* Taps every interface not tapped yet (an interface may come up after boot). */
static void packet_install_taps(void)
{
	struct netif *netif;

	NETIF_FOREACH(netif)
	{
		if (tap_of(netif))
			continue;
		struct packet_tap *t = tap_of(NULL);
		if (!t)
			return;
		t->netif = netif;
		if (!is_loopback(netif)) { /* lo: packet_ip4_input_hook */
			t->linkoutput = netif->linkoutput;
			netif->linkoutput = tap_linkoutput;
			t->input = netif->input;
			netif->input = tap_input;
		}
	}
}

static int packet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (!sk)
		return 0;
	for (int i = 0; i < MAX_PACKET_SOCKS; i++)
		if (packet_socks[i] == sk)
			packet_socks[i] = NULL;
	sock->sk = NULL;
	sk_free(sk);
	return 0;
}

static int packet_bind(struct socket *sock, struct sockaddr *uaddr,
		       int addr_len)
{
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;
	struct sock *sk = sock->sk;

	if (addr_len < (int)sizeof(*sll) || sll->sll_family != AF_PACKET)
		return -EINVAL;
	if (sll->sll_ifindex && !netif_get_by_index(sll->sll_ifindex))
		return -ENODEV;
	sk->pkt_ifindex = sll->sll_ifindex;
	if (sll->sll_protocol)
		sk->sk_protocol = sll->sll_protocol;
	return 0;
}

static int packet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;

	if (peer)
		return -EOPNOTSUPP;
	memset(sll, 0, sizeof(*sll));
	sll->sll_family = AF_PACKET;
	sll->sll_protocol = sock->sk->sk_protocol;
	sll->sll_ifindex = sock->sk->pkt_ifindex;
	return sizeof(*sll);
}

static unsigned int packet_poll(struct file *file, struct socket *sock,
				struct poll_table_struct *wait)
{
	poll_wait(file, &sock->wq, wait);
	return sock->sk->dg_head ? POLLIN | POLLRDNORM : 0;
}

static int packet_recvmsg(struct socket *sock, struct msghdr *msg, size_t len,
			  int flags)
{
	return sk_dgram_recvmsg(sock->sk, msg, len, flags);
}

static int packet_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	(void)sock, (void)msg, (void)len;
	return -EOPNOTSUPP; /* MenuOS's packet sockets only listen */
}

static int packet_setsockopt(struct socket *sock, int level, int optname,
			     const char *optval, unsigned int optlen)
{
	if (level == SOL_PACKET)
		return 0; /* PACKET_ADD_MEMBERSHIP and friends: every packet comes anyway */
	if (level == SOL_SOCKET &&
	    (optname == SO_RCVBUF || optname == SO_RCVTIMEO))
		return inet_setsockopt(sock, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

static int packet_getsockopt(struct socket *sock, int level, int optname,
			     char *optval, int *optlen)
{
	if (level == SOL_SOCKET)
		return inet_getsockopt(sock, level, optname, optval, optlen);
	return -ENOPROTOOPT;
}

/* The interface ioctls live in net/dev_ioctl.c, which comes with the Ethernet driver;
 * without it there are none. */
__attribute__((weak)) int dev_ioctl(unsigned int cmd, unsigned long arg)
{
	(void)cmd, (void)arg;
	return -ENOTTY;
}

static int packet_ioctl(struct socket *sock, unsigned int cmd,
			unsigned long arg)
{
	(void)sock;
	return dev_ioctl(cmd,
			 arg); /* SIOCGIFINDEX and the other interface ioctls */
}

static int packet_no_connect(struct socket *sock, struct sockaddr *a, int l,
			     int f)
{
	(void)sock, (void)a, (void)l, (void)f;
	return -EOPNOTSUPP;
}

static int packet_no_accept(struct socket *sock, struct socket *n, int flags)
{
	(void)sock, (void)n, (void)flags;
	return -EOPNOTSUPP;
}

static int packet_no_listen(struct socket *sock, int backlog)
{
	(void)sock, (void)backlog;
	return -EOPNOTSUPP;
}

static int packet_no_shutdown(struct socket *sock, int how)
{
	(void)sock, (void)how;
	return -EOPNOTSUPP;
}

static const struct proto_ops packet_ops = {
	.family = PF_PACKET,
	.release = packet_release,
	.bind = packet_bind,
	.connect = packet_no_connect,
	.accept = packet_no_accept,
	.getname = packet_getname,
	.poll = packet_poll,
	.ioctl = packet_ioctl,
	.listen = packet_no_listen,
	.shutdown = packet_no_shutdown,
	.setsockopt = packet_setsockopt,
	.getsockopt = packet_getsockopt,
	.sendmsg = packet_sendmsg,
	.recvmsg = packet_recvmsg,
};

static int packet_create(struct socket *sock, int protocol)
{
	struct sock *sk;
	int slot;

	if (sock->type != SOCK_DGRAM && sock->type != SOCK_RAW)
		return -ESOCKTNOSUPPORT;
	for (slot = 0; slot < MAX_PACKET_SOCKS && packet_socks[slot]; slot++)
		;
	if (slot == MAX_PACKET_SOCKS)
		return -ENOBUFS;
	sk = sk_alloc(PF_PACKET, sock->type, protocol, &packet_prot);
	if (!sk)
		return -ENOBUFS;
	sk->sk_socket = sock;
	sk->sk_rcvbuf = PACKET_RCVBUF;
	sock->sk = sk;
	sock->ops = &packet_ops;
	packet_socks[slot] = sk;
	packet_install_taps();
	return 0;
}

static const struct net_proto_family packet_family_ops = {
	.family = PF_PACKET,
	.create = packet_create,
};

void packet_init(void)
{
	if (sock_register(&packet_family_ops))
		panic("packet_init: cannot register AF_PACKET");
}
