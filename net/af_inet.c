/* The AF_INET family (Linux's net/ipv4/af_inet.c): inet_create picks the protocol from
 * inetsw[] by socket type and gives the socket its proto_ops; the inet_* functions are
 * the proto_ops, and they reach TCP or UDP (net/tcp.c, net/udp.c) through sk->sk_prot. */
#include <menuos/netdevice.h>
#include <menuos/poll.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>
#include <linux/tcp.h>
#include <linux/time.h>
#include <asm/ioctls.h>

struct inet_protosw {
	unsigned short type; /* SOCK_STREAM, SOCK_DGRAM */
	unsigned short protocol; /* IPPROTO_TCP, IPPROTO_UDP */
	struct proto *prot;
	const struct proto_ops *ops;
};

extern const struct proto_ops inet_stream_ops, inet_dgram_ops;
extern struct proto ping_prot; /* net/ping.c */

static const struct inet_protosw inetsw[] = {
	{ SOCK_STREAM, IPPROTO_TCP, &tcp_prot, &inet_stream_ops },
	{ SOCK_DGRAM, IPPROTO_UDP, &udp_prot, &inet_dgram_ops },
	{ SOCK_DGRAM, IPPROTO_ICMP, &ping_prot, &inet_dgram_ops },
};

static int inet_create(struct socket *sock, int protocol)
{
	const struct inet_protosw *answer = NULL;
	struct sock *sk;
	int err;

	sock->state = SS_UNCONNECTED;
	/* the first entry of the type (protocol 0), or the one of that protocol */
	err = sock->type == SOCK_RAW ? -EPERM : -ESOCKTNOSUPPORT;
	for (unsigned i = 0; i < ARRAY_SIZE(inetsw); i++) {
		if (inetsw[i].type != sock->type)
			continue;
		err = -EPROTONOSUPPORT;
		if (protocol && protocol != inetsw[i].protocol)
			continue;
		answer = &inetsw[i];
		break;
	}
	if (!answer)
		return err;

	sock->ops = answer->ops;
	sk = sk_alloc(PF_INET, sock->type, answer->protocol, answer->prot);
	if (!sk)
		return -ENOBUFS;
	sk->sk_socket = sock;
	sock->sk = sk;
	err = sk->sk_prot->init(sk);
	if (err) {
		sock->sk = NULL;
		sk_free(sk);
		return err;
	}
	return 0;
}

int inet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (!sk)
		return 0;
	sock->sk = NULL;
	sk->sk_socket = NULL;
	sk->sk_prot->close(
		sk); /* lwIP keeps the pcb for the FIN handshake; sk goes */
	sk_free(sk);
	return 0;
}

static int inet_addr_from_user(const struct sockaddr *uaddr, int addr_len,
			       const struct sockaddr_in **sin)
{
	if (addr_len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	*sin = (const struct sockaddr_in *)uaddr;
	return 0;
}

int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sock *sk = sock->sk;
	const struct sockaddr_in *sin;
	int err = inet_addr_from_user(uaddr, addr_len, &sin);

	if (err)
		return err;
	if (sin->sin_family != AF_INET &&
	    !(sin->sin_family == AF_UNSPEC && sin->sin_addr.s_addr == 0))
		return -EAFNOSUPPORT;
	if (sk->sk_bound || sk->sk_state != TCP_CLOSE)
		return -EINVAL; /* bound already */
	err = sk->sk_prot->bind(sk, sin);
	if (!err)
		sk->sk_bound = 1;
	return err;
}

int inet_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;

	if (sock->state != SS_UNCONNECTED || sock->type != SOCK_STREAM)
		return -EINVAL;
	if (sk->sk_state ==
	    TCP_LISTEN) { /* a second listen() only changes the backlog */
		sk->sk_max_ack_backlog = backlog;
		return 0;
	}
	if (sk->sk_state != TCP_CLOSE)
		return -EINVAL;
	return tcp_listen_start(sk, backlog);
}

int inet_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk, *newsk;
	long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
	int rc;

	if (sk->sk_state != TCP_LISTEN)
		return -EINVAL;
	rc = sk_wait_event(sk, &timeo,
			   sk->accept_head || sk->sk_state != TCP_LISTEN);
	if (rc < 0)
		return rc;
	if (!sk->accept_head)
		return sk->sk_state != TCP_LISTEN ? -EINVAL : -EAGAIN;
	newsk = tcp_accept_dequeue(sk);
	newsk->sk_socket = newsock;
	newsock->sk = newsk;
	newsock->state = SS_CONNECTED;
	sk_wake(newsk);
	return 0;
}

/* Linux's __inet_stream_connect, step for step: start the handshake, then wait for it
 * unless the socket is non-blocking (-EINPROGRESS; poll says POLLOUT when it is done). */
int inet_stream_connect(struct socket *sock, struct sockaddr *uaddr,
			int addr_len, int flags)
{
	struct sock *sk = sock->sk;
	const struct sockaddr_in *sin;
	long timeo;
	int err;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	if (uaddr->sa_family == AF_UNSPEC) {
		err = sk->sk_prot->disconnect(sk);
		if (!err)
			sock->state = SS_UNCONNECTED;
		return err;
	}
	err = inet_addr_from_user(uaddr, addr_len, &sin);
	if (err)
		return err;

	switch (sock->state) {
	default:
		return -EINVAL;
	case SS_CONNECTED:
		return -EISCONN;
	case SS_CONNECTING:
		err = -EALREADY; /* unless it finished meanwhile: see below */
		break;
	case SS_UNCONNECTED:
		if (sk->sk_state != TCP_CLOSE)
			return -EISCONN;
		if (sin->sin_family != AF_INET)
			return -EAFNOSUPPORT;
		err = sk->sk_prot->connect(sk, sin);
		if (err < 0)
			return err;
		sock->state = SS_CONNECTING;
		err = -EINPROGRESS;
		break;
	}

	timeo = sock_sndtimeo(sk, flags & O_NONBLOCK);
	if (sk->sk_state == TCP_SYN_SENT) {
		if (!timeo)
			return err; /* -EINPROGRESS or -EALREADY */
		int rc =
			sk_wait_event(sk, &timeo, sk->sk_state != TCP_SYN_SENT);
		if (rc < 0)
			return rc; /* interrupted: the handshake goes on */
		if (rc == 0)
			return err; /* SO_SNDTIMEO ran out: still in progress (Linux) */
	}
	/* refused, reset or timed out */
	if (sk->sk_state == TCP_CLOSE) {
		sock->state = SS_UNCONNECTED;
		err = sock_error(sk);
		return err ? err : -ECONNABORTED;
	}
	sock->state = SS_CONNECTED;
	return 0;
}

static int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr,
			      int addr_len, int flags)
{
	struct sock *sk = sock->sk;
	const struct sockaddr_in *sin;
	int err;

	(void)flags;
	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	if (uaddr->sa_family == AF_UNSPEC) {
		sock->state = SS_UNCONNECTED;
		return sk->sk_prot->disconnect(sk);
	}
	err = inet_addr_from_user(uaddr, addr_len, &sin);
	if (err)
		return err;
	if (sin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	err = sk->sk_prot->connect(sk, sin);
	if (!err) {
		sock->state = SS_CONNECTED;
		sk->sk_bound = 1;
	}
	return err;
}

int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct sockaddr_in *sin = (struct sockaddr_in *)uaddr;

	if (!sk)
		return -ENOTCONN;
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (peer && sock->state != SS_CONNECTED)
		return -ENOTCONN;
	int err = sk->sk_prot->getname(sk, sin, peer);
	return err < 0 ? err : (int)sizeof(*sin);
}

int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
	return sock->sk->sk_prot->sendmsg(sock->sk, msg, size);
}

int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size,
		 int flags)
{
	return sock->sk->sk_prot->recvmsg(sock->sk, msg, size, flags);
}

int inet_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	if (sock->state != SS_CONNECTED && sk->sk_state != TCP_LISTEN &&
	    sk->sk_state != TCP_CLOSE_WAIT)
		return -ENOTCONN;
	int err = sk->sk_prot->shutdown(
		sk, how + 1); /* SHUT_* + 1 = *_SHUTDOWN bits */
	sk_wake(sk);
	return err;
}

static unsigned int inet_poll(struct file *file, struct socket *sock,
			      struct poll_table_struct *wait)
{
	struct sock *sk = sock->sk;

	poll_wait(file, &sock->wq, wait);
	return sk ? sk->sk_prot->poll(sk) : POLLNVAL;
}

static int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	struct sock *sk = sock->sk;

	if (cmd == FIONREAD) {
		int n = sk->sk_type == SOCK_STREAM
				? (int)sk_rx_queued(sk)
				: (sk->dg_head ? (int)sk->dg_head->len : 0);
		return put_user(n, (int *)arg) ? -EFAULT : 0;
	}
	return dev_ioctl(cmd, arg); /* SIOC*: net/dev_ioctl.c */
}

/* ---- socket options: SOL_SOCKET here, IPPROTO_TCP in the protocol ---- */

static long timeval_to_jiffies_opt(const char *optval, unsigned int optlen,
				   int *err)
{
	struct timeval tv;

	*err = 0;
	if (optlen < sizeof(tv)) {
		*err = -EINVAL;
		return 0;
	}
	if (copy_from_user(&tv, optval, sizeof(tv))) {
		*err = -EFAULT;
		return 0;
	}
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000) {
		*err = -EDOM;
		return 0;
	}
	if (tv.tv_sec < 0) /* Linux: no timeout */
		return MAX_SCHEDULE_TIMEOUT;
	long t = timeout_to_ticks(tv.tv_sec, tv.tv_usec * 1000);
	if (t <= 0) /* 0 means "no timeout", as does a huge one (-1) */
		return MAX_SCHEDULE_TIMEOUT;
	return t -
	       1; /* not the tick under way: getsockopt gives back what was set */
}

int inet_setsockopt(struct socket *sock, int level, int optname,
		    const char *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val, err = 0;

	if (optname == SO_RCVTIMEO && level == SOL_SOCKET) {
		long t = timeval_to_jiffies_opt(optval, optlen, &err);
		if (!err)
			sk->sk_rcvtimeo = t;
		return err;
	}
	if (optname == SO_SNDTIMEO && level == SOL_SOCKET) {
		long t = timeval_to_jiffies_opt(optval, optlen, &err);
		if (!err)
			sk->sk_sndtimeo = t;
		return err;
	}
	if (optname == SO_LINGER && level == SOL_SOCKET) {
		struct linger l;
		if (optlen < sizeof(l))
			return -EINVAL;
		if (copy_from_user(&l, optval, sizeof(l)))
			return -EFAULT;
		sk->sk_linger = l.l_onoff ? max(l.l_linger, 0) : -1;
		return 0;
	}
	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (const int *)optval))
		return -EFAULT;

	if (level == IPPROTO_TCP) {
		if (sk->sk_type != SOCK_STREAM)
			return -ENOPROTOOPT;
		return sk->sk_prot->setsockopt(sk, optname, val);
	}
	if (level != SOL_SOCKET)
		return -ENOPROTOOPT;
	switch (optname) {
	case SO_REUSEADDR:
		sk->sk_reuse = !!val;
		return sk->sk_prot->setsockopt(sk, -SO_REUSEADDR, sk->sk_reuse);
	case SO_KEEPALIVE:
		sk->sk_keepalive = !!val;
		return sk->sk_prot->setsockopt(sk, -SO_KEEPALIVE,
					       sk->sk_keepalive);
	case SO_RCVBUF:
	case SO_SNDBUF:
		/* Linux doubles the value for its bookkeeping; lwIP's windows are fixed,
		 * so the number is only remembered and reported */
		val = max(val, 2048) * 2;
		if (optname == SO_RCVBUF)
			sk->sk_rcvbuf = val;
		else
			sk->sk_sndbuf = val;
		return 0;
	case SO_BROADCAST:
	case SO_DONTROUTE:
	case SO_OOBINLINE:
		return 0; /* accepted, no effect in MenuOS */
	}
	return -ENOPROTOOPT;
}

int inet_getsockopt(struct socket *sock, int level, int optname, char *optval,
		    int *optlen)
{
	struct sock *sk = sock->sk;
	int len, val;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;

	if (level == SOL_SOCKET && optname == SO_LINGER) {
		struct linger l = { sk->sk_linger >= 0, max(sk->sk_linger, 0) };
		len = min(len, (int)sizeof(l));
		if (copy_to_user(optval, &l, len) || put_user(len, optlen))
			return -EFAULT;
		return 0;
	}
	if (level == SOL_SOCKET &&
	    (optname == SO_RCVTIMEO || optname == SO_SNDTIMEO)) {
		long t = optname == SO_RCVTIMEO ? sk->sk_rcvtimeo
						: sk->sk_sndtimeo;
		struct timeval tv = { 0, 0 };
		if (t != MAX_SCHEDULE_TIMEOUT) {
			tv.tv_sec = t / HZ;
			tv.tv_usec = (t % HZ) * (1000000 / HZ);
		}
		len = min(len, (int)sizeof(tv));
		if (copy_to_user(optval, &tv, len) || put_user(len, optlen))
			return -EFAULT;
		return 0;
	}
	if (level == IPPROTO_TCP) {
		if (sk->sk_type != SOCK_STREAM)
			return -ENOPROTOOPT;
		int err = sk->sk_prot->getsockopt(sk, optname, &val);
		if (err)
			return err;
	} else if (level != SOL_SOCKET) {
		return -EOPNOTSUPP; /* Linux's ip_getsockopt (setsockopt: ENOPROTOOPT) */
	} else {
		switch (optname) {
		case SO_TYPE:
			val = sk->sk_type;
			break;
		case SO_PROTOCOL:
			val = sk->sk_protocol;
			break;
		case SO_DOMAIN:
			val = sk->sk_family;
			break;
		case SO_ERROR:
			val = -sock_error(sk);
			break;
		case SO_REUSEADDR:
			val = sk->sk_reuse;
			break;
		case SO_KEEPALIVE:
			val = sk->sk_keepalive;
			break;
		case SO_ACCEPTCONN:
			val = sk->sk_state == TCP_LISTEN;
			break;
		case SO_RCVBUF:
			val = sk->sk_rcvbuf;
			break;
		case SO_SNDBUF:
			val = sk->sk_sndbuf;
			break;
		case SO_BROADCAST:
		case SO_DONTROUTE:
		case SO_OOBINLINE:
			val = 0;
			break;
		default:
			return -ENOPROTOOPT;
		}
	}
	/* a shorter buffer gets the first bytes (Linux: len = min(len, sizeof(int))) */
	len = min(len, (int)sizeof(int));
	if (copy_to_user(optval, &val, len) || put_user(len, optlen))
		return -EFAULT;
	return 0;
}

static int sock_no_socketpair(struct socket *a, struct socket *b)
{
	(void)a, (void)b;
	return -EOPNOTSUPP;
}

static int sock_no_listen(struct socket *sock, int backlog)
{
	(void)sock, (void)backlog;
	return -EOPNOTSUPP;
}

static int sock_no_accept(struct socket *sock, struct socket *newsock,
			  int flags)
{
	(void)sock, (void)newsock, (void)flags;
	return -EOPNOTSUPP;
}

const struct proto_ops inet_stream_ops = {
	.family = PF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_stream_connect,
	.socketpair = sock_no_socketpair,
	.accept = inet_accept,
	.getname = inet_getname,
	.poll = inet_poll,
	.ioctl = inet_ioctl,
	.listen = inet_listen,
	.shutdown = inet_shutdown,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
};

const struct proto_ops inet_dgram_ops = {
	.family = PF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_dgram_connect,
	.socketpair = sock_no_socketpair,
	.accept = sock_no_accept,
	.getname = inet_getname,
	.poll = inet_poll,
	.ioctl = inet_ioctl,
	.listen = sock_no_listen,
	.shutdown = inet_shutdown,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
};

static const struct net_proto_family inet_family_ops = {
	.family = PF_INET,
	.create = inet_create,
};

void inet_init(void)
{
	if (sock_register(&inet_family_ops))
		panic("inet_init: cannot register AF_INET");
}
