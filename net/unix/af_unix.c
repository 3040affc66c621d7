/* AF_UNIX: sockets between processes on this machine (Linux's net/unix/af_unix.c, in
 * small). No network below: a stream socket writes straight into its peer's receive
 * ring, a datagram socket queues a copy on the destination. A name is a socket file in
 * the tree (bind makes it, unlink removes it, connect finds it) or, with a leading NUL
 * byte, an entry of the abstract namespace. Open files travel with SCM_RIGHTS. */
#include <menuos/poll.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>

#include "af_unix.h"

#define MAX_ABSTRACT 32
#define SUN_PATH_OFF 2 /* offsetof(struct sockaddr_un, sun_path) */

static struct proto unix_proto;
struct unix_sock *all_unix_socks;
/* Senders waiting for room: datagrams for a full receive queue, connects for a full
 * backlog. Linux has one queue per receiver (peer_wait); the receiver can be freed while
 * they sleep, so MenuOS lets them sleep on one queue and look the receiver up again. */
static struct wait_queue_head unix_room_wait;
static struct unix_sock *abstract_names[MAX_ABSTRACT];
extern const struct proto_ops unix_stream_ops, unix_dgram_ops;

static struct unix_sock *unix_sock_alloc(int type)
{
	struct sock *sk = sk_alloc_size(sizeof(struct unix_sock), AF_UNIX, type,
					0, &unix_proto);

	if (!sk)
		return NULL;
	if (type == SOCK_STREAM) {
		sk->rx_buf = kmalloc(UNIX_RING);
		if (!sk->rx_buf) {
			sk_free(sk);
			return NULL;
		}
		sk->rx_size = UNIX_RING;
	}
	sk->sk_rcvbuf = sk->sk_sndbuf = UNIX_RING;
	struct unix_sock *u = unix_sk(sk);
	u->next_all = all_unix_socks;
	all_unix_socks = u;
	return u;
}

/* ---- names ---- */

static int is_abstract(const struct sockaddr_un *a, int len)
{
	return len > SUN_PATH_OFF && a->sun_path[0] == 0;
}

/* The socket bound to this name, or an error (-ENOENT, -ECONNREFUSED, -EPROTOTYPE). */
static struct unix_sock *unix_find(const struct sockaddr_un *a, int len,
				   int type)
{
	struct unix_sock *u = NULL;

	if (is_abstract(a, len)) {
		for (int i = 0; i < MAX_ABSTRACT && !u; i++)
			if (abstract_names[i] &&
			    abstract_names[i]->addr_len == len &&
			    !memcmp(&abstract_names[i]->addr, a, len))
				u = abstract_names[i];
		if (!u)
			return ERR_PTR(-ECONNREFUSED);
	} else {
		struct inode *inode = namei(a->sun_path);
		if (IS_ERR(inode))
			return (struct unix_sock *)inode;
		if (S_ISSOCK(inode->i_mode))
			u = inode->i_private;
		iput(inode);
		if (!u)
			return ERR_PTR(-ECONNREFUSED);
	}
	if (u->sk.sk_type != type)
		return ERR_PTR(-EPROTOTYPE);
	return u;
}

/* Checks a user address and makes sun_path a C string; the length to keep. */
static int unix_mkname(struct sockaddr_un *a, int len)
{
	if (len <= SUN_PATH_OFF || len > (int)sizeof(*a) ||
	    a->sun_family != AF_UNIX)
		return -EINVAL;
	if (a->sun_path[0] == 0)
		return len; /* abstract: the bytes are the name */
	((char *)a)[len < (int)sizeof(*a) ? len : (int)sizeof(*a) - 1] = 0;
	return SUN_PATH_OFF + strlen(a->sun_path) + 1;
}

static int unix_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct unix_sock *u = unix_sk(sock->sk);
	struct sockaddr_un *a = (struct sockaddr_un *)uaddr;
	int len;

	if (addr_len < (int)sizeof(a->sun_family) || a->sun_family != AF_UNIX)
		return -EINVAL;
	if (u->addr_len)
		return -EINVAL; /* bound already */
	if (addr_len ==
	    SUN_PATH_OFF) { /* autobind: an abstract name of five hex digits */
		static unsigned int next = 0x10000;
		memset(a->sun_path, 0, 6);
		snprintf(a->sun_path + 1, 6, "%05x", next++ & 0xfffff);
		addr_len = SUN_PATH_OFF + 6;
	}
	len = unix_mkname(a, addr_len);
	if (len < 0)
		return len;
	if (is_abstract(a, len)) {
		int free_slot = -1;
		for (int i = 0; i < MAX_ABSTRACT; i++) {
			if (!abstract_names[i])
				free_slot = free_slot < 0 ? i : free_slot;
			else if (abstract_names[i]->addr_len == len &&
				 !memcmp(&abstract_names[i]->addr, a, len))
				return -EADDRINUSE;
		}
		if (free_slot < 0)
			return -ENOSPC;
		abstract_names[free_slot] = u;
	} else {
		char last[NAME_MAX + 1];
		struct inode *dir =
			lookup_parent(a->sun_path, last, sizeof(last));
		if (IS_ERR(dir))
			return PTR_ERR(dir);
		struct inode *inode = ramfs_create(dir, last, S_IFSOCK | 0777);
		iput(dir);
		if (IS_ERR(inode))
			return PTR_ERR(inode) == -EEXIST ? -EADDRINUSE
							 : PTR_ERR(inode);
		inode->i_private = u;
		iget(inode);
		u->path_inode = inode;
	}
	memcpy(&u->addr, a, len);
	u->addr_len = len;
	return 0;
}

static int unix_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct unix_sock *u = unix_sk(sock->sk);
	const struct sockaddr_un *a = &u->addr;
	int len = u->addr_len;

	if (peer) { /* the peer's name, kept from the connection: it may have closed */
		if (!u->peer && !u->stream_was_paired)
			return -ENOTCONN;
		a = &u->peer_addr;
		len = u->peer_addr_len;
	}
	memset(uaddr, 0, sizeof(struct sockaddr_un));
	if (!len) {
		((struct sockaddr_un *)uaddr)->sun_family = AF_UNIX;
		return SUN_PATH_OFF;
	}
	memcpy(uaddr, a, len);
	return len;
}

/* ---- files in flight (SCM_RIGHTS) ---- */

void unix_rights_free(struct unix_rights *r)
{
	for (int i = 0; i < r->n; i++)
		fput(r->files[i]);
	kfree(r);
}

/* The SCM_RIGHTS of a sendmsg, with references on the files; NULL if none. */
static struct unix_rights *rights_from_msg(struct msghdr *msg, int *err)
{
	struct cmsghdr cm;
	unsigned long off = 0;
	struct unix_rights *r = NULL;

	*err = 0;
	while (msg->msg_control && off + sizeof(cm) <= msg->msg_controllen) {
		char *at = (char *)msg->msg_control + off;
		if (copy_from_user(&cm, at, sizeof(cm)) ||
		    cm.cmsg_len < sizeof(cm))
			goto bad;
		if (cm.cmsg_level == SOL_SOCKET && cm.cmsg_type == SCM_RIGHTS) {
			int n = (cm.cmsg_len - sizeof(cm)) / sizeof(int);
			if (!r && !(r = kzalloc(sizeof(*r)))) {
				*err = -ENOMEM;
				return NULL;
			}
			for (int i = 0; i < n; i++) {
				int fd;
				struct file *f;
				if (r->n == UNIX_RIGHTS_MAX) {
					*err = -ETOOMANYREFS;
					goto fail;
				}
				if (get_user(fd, (int *)(at + sizeof(cm)) + i))
					goto bad;
				if (!(f = fget(fd))) {
					*err = -EBADF;
					goto fail;
				}
				r->files[r->n++] = f;
			}
		}
		off += ALIGN_UP(cm.cmsg_len, 4);
	}
	return r;
bad:
	*err = -EINVAL;
fail:
	if (r)
		unix_rights_free(r);
	return NULL;
}

static void rights_queue(struct unix_sock *to, struct unix_rights *r,
			 unsigned long at)
{
	struct unix_rights **p = &to->rights;

	r->at = at;
	while (*p)
		p = &(*p)->next;
	*p = r;
	unix_rights_inflight(r, 1);
}

/* Installs the files that came with data up to position upto (or with datagram upto)
 * as new fds, writes the SCM_RIGHTS message, and sets msg_controllen to what it used. */
static void rights_deliver(struct unix_sock *u, struct msghdr *msg,
			   unsigned long upto, int stream)
{
	unsigned long used = 0;

	/* a stream's files came with the byte at position at: only once it is read */
	while (u->rights &&
	       (stream ? u->rights->at < upto : u->rights->at == upto)) {
		struct unix_rights *r = u->rights;
		u->rights = r->next;
		unix_rights_inflight(r, -1);
		struct cmsghdr cm = { sizeof(cm) + r->n * sizeof(int),
				      SOL_SOCKET, SCM_RIGHTS };
		if (!msg->msg_control ||
		    used + cm.cmsg_len > msg->msg_controllen) {
			msg->msg_flags |= MSG_CTRUNC;
			unix_rights_free(
				r); /* no room: the files are closed, as Linux */
			continue;
		}
		char *at = (char *)msg->msg_control + used;
		int k = 0;
		for (; k < r->n; k++) {
			int fd = get_unused_fd_flags(0);
			if (fd < 0)
				break;
			if (put_user(fd, (int *)(at + sizeof(cm)) + k)) {
				put_unused_fd(fd);
				break;
			}
			fd_install(fd, r->files[k]);
		}
		cm.cmsg_len = sizeof(cm) + k * sizeof(int);
		if (copy_to_user(at, &cm, sizeof(cm)) == 0)
			used += ALIGN_UP(cm.cmsg_len, 4);
		for (int i = k; i < r->n; i++)
			fput(r->files[i]);
		if (k < r->n)
			msg->msg_flags |= MSG_CTRUNC;
		kfree(r);
	}
	msg->msg_controllen = used;
}

/* ---- stream sockets ---- */

/* Linux keeps a closed peer around (refcounted) for getpeername; MenuOS keeps its name. */
static void unix_set_peer(struct unix_sock *u, struct unix_sock *peer)
{
	u->peer = peer;
	u->peer_addr = peer->addr;
	u->peer_addr_len = peer->addr_len;
}

static void unix_pair(struct unix_sock *a, struct unix_sock *b)
{
	unix_set_peer(a, b);
	unix_set_peer(b, a);
	a->stream_was_paired = b->stream_was_paired = a->sk.sk_type ==
						      SOCK_STREAM;
	a->sk.sk_state = b->sk.sk_state = TCP_ESTABLISHED;
}

static int unix_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;

	if (!unix_sk(sk)->addr_len || unix_sk(sk)->peer)
		return -EINVAL; /* Linux wants a bound, unconnected socket */
	sk->sk_state = TCP_LISTEN;
	sk->sk_max_ack_backlog = backlog;
	unix_sk(sk)->peer_pid = current->pid;
	sk_wake(sk);
	return 0;
}

/* A listener with room in its backlog, or none there any more: what a blocked connect
 * waits for. */
static int unix_listener_room(const struct sockaddr_un *a, int len)
{
	struct unix_sock *l = unix_find(a, len, SOCK_STREAM);

	return IS_ERR(l) || l->sk.sk_state != TCP_LISTEN ||
	       l->sk.sk_ack_backlog <= l->sk.sk_max_ack_backlog;
}

static int unix_stream_connect(struct socket *sock, struct sockaddr *uaddr,
			       int addr_len, int flags)
{
	struct unix_sock *u = unix_sk(sock->sk), *l, *child;
	long timeo = sock_sndtimeo(sock->sk, flags & O_NONBLOCK);
	int len;

	if (sock->sk->sk_state == TCP_LISTEN)
		return -EINVAL;
	if (u->peer)
		return -EISCONN;
	len = unix_mkname((struct sockaddr_un *)uaddr, addr_len);
	if (len < 0)
		return len;
	for (;;) { /* the listener again after each sleep: it may have gone */
		l = unix_find((struct sockaddr_un *)uaddr, len, SOCK_STREAM);
		if (IS_ERR(l))
			return PTR_ERR(l);
		if (l->sk.sk_state != TCP_LISTEN)
			return -ECONNREFUSED;
		if (l->sk.sk_ack_backlog <= l->sk.sk_max_ack_backlog)
			break;
		/* the backlog is full: wait for an accept, as Linux does */
		int rc = wait_event_timeo(
			&unix_room_wait, &timeo,
			unix_listener_room((struct sockaddr_un *)uaddr, len));
		if (rc < 0)
			return rc;
		if (rc == 0)
			return -EAGAIN; /* non-blocking, or SO_SNDTIMEO ran out */
	}
	child = unix_sock_alloc(SOCK_STREAM);
	if (!child)
		return -ENOMEM;
	memcpy(&child->addr, &l->addr,
	       l->addr_len); /* accept's getsockname: the path */
	child->addr_len = l->addr_len;
	unix_pair(u, child);
	u->peer_pid = l->peer_pid;
	child->peer_pid = current->pid;
	child->sk.sk_parent = &l->sk;
	if (l->sk.accept_tail)
		l->sk.accept_tail->accept_next = &child->sk;
	else
		l->sk.accept_head = &child->sk;
	l->sk.accept_tail = &child->sk;
	l->sk.sk_ack_backlog++;
	sock->state = SS_CONNECTED;
	sk_wake(&l->sk);
	return 0;
}

static int unix_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk, *child;
	long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);

	if (sock->type != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (sk->sk_state != TCP_LISTEN)
		return -EINVAL;
	int rc = sk_wait_event(sk, &timeo, sk->accept_head != NULL);
	if (rc < 0)
		return rc;
	if (!sk->accept_head)
		return -EAGAIN;
	child = sk->accept_head;
	sk->accept_head = child->accept_next;
	if (!sk->accept_head)
		sk->accept_tail = NULL;
	sk->sk_ack_backlog--;
	wake_up(&unix_room_wait); /* a connect may wait for this room */
	child->accept_next = NULL;
	child->sk_parent = NULL;
	child->sk_socket = newsock;
	newsock->sk = child;
	newsock->state = SS_CONNECTED;
	return 0;
}

static int unix_stream_sendmsg(struct socket *sock, struct msghdr *msg,
			       size_t len)
{
	struct unix_sock *u = unix_sk(sock->sk);
	long timeo = sock_sndtimeo(&u->sk, msg->msg_flags & MSG_DONTWAIT);
	size_t done = 0, idx = 0, off = 0;
	int err = 0;
	struct unix_rights *r = rights_from_msg(msg, &err);

	if (err)
		return err;
	if (msg->msg_name) { /* a stream has its peer: an address is refused */
		if (r)
			unix_rights_free(r);
		return u->peer ? -EISCONN : -EOPNOTSUPP;
	}
	while (done < len) { /* nothing to send: files are dropped, as Linux */
		struct unix_sock *p = u->peer;
		if (!p) {
			err = sock->state == SS_CONNECTED ? -EPIPE : -ENOTCONN;
			break;
		}
		if ((u->sk.sk_shutdown & SEND_SHUTDOWN) ||
		    (p->sk.sk_shutdown & RCV_SHUTDOWN)) {
			err = -EPIPE;
			break;
		}
		struct sock *ps = &p->sk;
		if (r) { /* the files go with the first byte of this message */
			rights_queue(p, r, ps->rx_head);
			r = NULL;
		}
		size_t space = ps->rx_size - sk_rx_queued(ps);
		if (!space) {
			int rc = sk_wait_event(
				&u->sk, &timeo,
				!u->peer || ps->rx_size - sk_rx_queued(ps));
			if (rc <= 0) {
				err = rc ? rc : -EAGAIN;
				break;
			}
			continue;
		}
		size_t n = min(len - done, space),
		       start = ps->rx_head % ps->rx_size;
		size_t first = min(n, ps->rx_size - start);
		if (memcpy_from_msg(ps->rx_buf + start, msg, &idx, &off,
				    first) ||
		    memcpy_from_msg(ps->rx_buf, msg, &idx, &off, n - first)) {
			err = -EFAULT;
			break;
		}
		ps->rx_head += n;
		done += n;
		sk_wake(ps);
	}
	if (r)
		unix_rights_free(r);
	if (done)
		return done;
	if (err == -EPIPE && !(msg->msg_flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current);
	return err;
}

static int unix_stream_recvmsg(struct socket *sock, struct msghdr *msg,
			       size_t len, int flags)
{
	struct unix_sock *u = unix_sk(sock->sk);
	struct sock *sk = &u->sk;
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	size_t copied = 0, idx = 0, off = 0,
	       target = (flags & MSG_WAITALL) ? len : 1;

	msg->msg_namelen = 0;
	if (sock->state != SS_CONNECTED && !u->peer)
		return -EINVAL; /* Linux: a stream socket that never connected */
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
			if (u->peer)
				sk_wake(&u->peer->sk); /* a writer may wait for room */
			continue;
		}
		if (copied >= target || !u->peer ||
		    (sk->sk_shutdown & RCV_SHUTDOWN))
			break;
		if (!timeo)
			return copied ? (int)copied : -EAGAIN;
		int rc =
			sk_wait_event(sk, &timeo,
				      sk_rx_queued(sk) || !u->peer ||
					      (sk->sk_shutdown & RCV_SHUTDOWN));
		if (rc < 0)
			return copied ? (int)copied : rc;
		if (rc == 0 && !sk_rx_queued(sk))
			return copied ? (int)copied : -EAGAIN;
	}
	rights_deliver(u, msg, sk->rx_tail, 1);
	return copied;
}

/* ---- datagram sockets ---- */

static int unix_dgram_connect(struct socket *sock, struct sockaddr *uaddr,
			      int addr_len, int flags)
{
	struct unix_sock *u = unix_sk(sock->sk), *t;
	int len;

	(void)flags;
	if (addr_len >= (int)sizeof(uaddr->sa_family) &&
	    uaddr->sa_family == AF_UNSPEC) {
		u->peer = NULL;
		sock->state = SS_UNCONNECTED;
		return 0;
	}
	len = unix_mkname((struct sockaddr_un *)uaddr, addr_len);
	if (len < 0)
		return len;
	t = unix_find((struct sockaddr_un *)uaddr, len, SOCK_DGRAM);
	if (IS_ERR(t))
		return PTR_ERR(t);
	unix_set_peer(u, t);
	u->peer_pid = t->peer_pid;
	sock->state = SS_CONNECTED;
	return 0;
}

/* The destination of a datagram: the socket named in msg_name (alen bytes, checked), or
 * the connected peer; NULL for none, or an error. */
static struct unix_sock *unix_dgram_target(struct unix_sock *u,
					   struct msghdr *msg, int alen)
{
	if (msg->msg_name)
		return unix_find(msg->msg_name, alen, SOCK_DGRAM);
	return u->peer;
}

/* Room for len more bytes at the destination, or no destination any more (the next
 * look-up says why): what a blocked datagram sender waits for. */
static int unix_dgram_room(struct unix_sock *u, struct msghdr *msg, int alen,
			   size_t len)
{
	struct unix_sock *t = unix_dgram_target(u, msg, alen);

	return !t || IS_ERR(t) ||
	       t->sk.dg_bytes + len <= (size_t)t->sk.sk_rcvbuf;
}

static int unix_dgram_sendmsg(struct socket *sock, struct msghdr *msg,
			      size_t len)
{
	struct unix_sock *u = unix_sk(sock->sk), *t;
	long timeo = sock_sndtimeo(&u->sk, msg->msg_flags & MSG_DONTWAIT);
	size_t idx = 0, off = 0;
	int err, alen = 0;

	if (msg->msg_name) {
		alen = unix_mkname(msg->msg_name, msg->msg_namelen);
		if (alen < 0)
			return alen;
	}
	for (;
	     ;) { /* the destination again after each sleep: it may have gone */
		t = unix_dgram_target(u, msg, alen);
		if (IS_ERR(t))
			return PTR_ERR(t);
		if (!t && u->peer_died) {
			u->peer_died =
				0; /* reported once, then simply unconnected */
			return -ECONNREFUSED;
		}
		if (!t)
			return -ENOTCONN;
		if (t->peer && t->peer != u)
			return -EPERM; /* the receiver only listens to the socket it connected to */
		if (u->sk.sk_shutdown & SEND_SHUTDOWN) {
			if (!(msg->msg_flags & MSG_NOSIGNAL))
				send_sig(SIGPIPE, current);
			return -EPIPE;
		}
		if (len > UNIX_RING)
			return -EMSGSIZE;
		if (t->sk.dg_bytes + len <= (size_t)t->sk.sk_rcvbuf)
			break;
		/* the receiver's queue is full: wait for it to read, as Linux does */
		int rc = wait_event_timeo(&unix_room_wait, &timeo,
					  unix_dgram_room(u, msg, alen, len));
		if (rc < 0)
			return rc;
		if (rc == 0)
			return -EAGAIN; /* non-blocking, or SO_SNDTIMEO ran out */
	}
	struct unix_rights *r = rights_from_msg(msg, &err);
	if (err)
		return err;
	struct sk_dgram *d = kmalloc(sizeof(*d) + len);
	if (!d) {
		if (r)
			unix_rights_free(r);
		return -ENOBUFS;
	}
	if (memcpy_from_msg(d->data, msg, &idx, &off, len)) {
		kfree(d);
		if (r)
			unix_rights_free(r);
		return -EFAULT;
	}
	d->len = len;
	memset(&d->from_un, 0, sizeof(d->from_un));
	d->from_un.sun_family = AF_UNIX;
	d->fromlen =
		0; /* an unnamed sender has no address (Linux: addrlen 0) */
	if (u->addr_len) {
		memcpy(&d->from_un, &u->addr, u->addr_len);
		d->fromlen = u->addr_len;
	}
	if (r) /* keyed by the datagram's number in the receiver's queue */
		rights_queue(t, r, t->sk.dg_queued);
	sk_dgram_queue(&t->sk, d);
	return len;
}

static int unix_dgram_recvmsg(struct socket *sock, struct msghdr *msg,
			      size_t len, int flags)
{
	struct unix_sock *u = unix_sk(sock->sk);
	unsigned int room =
		msg->msg_controllen; /* sk_dgram_recvmsg sets it to 0 */
	int ret = sk_dgram_recvmsg(&u->sk, msg, len, flags);

	msg->msg_controllen = room;
	if (ret >= 0 && !(flags & MSG_PEEK)) {
		/* the one just taken: number dg_taken - 1 */
		rights_deliver(u, msg, u->sk.dg_taken - 1, 0);
		wake_up(&unix_room_wait); /* a sender may wait for this room */
	} else
		msg->msg_controllen = 0;
	return ret;
}

/* ---- both ---- */

static int unix_socketpair(struct socket *a, struct socket *b)
{
	struct unix_sock *ua = unix_sk(a->sk), *ub = unix_sk(b->sk);

	unix_pair(ua, ub);
	ua->peer_pid = ub->peer_pid = current->pid;
	a->state = b->state = SS_CONNECTED;
	return 0;
}

static unsigned int unix_poll(struct file *file, struct socket *sock,
			      struct poll_table_struct *wait)
{
	struct unix_sock *u = unix_sk(sock->sk);
	struct sock *sk = &u->sk;
	unsigned int mask = 0;

	poll_wait(file, &sock->wq, wait);
	if (sk->sk_state == TCP_LISTEN)
		return sk->accept_head ? POLLIN | POLLRDNORM : 0;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= POLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (sock->type == SOCK_DGRAM) {
		/* writable unless the connected peer's queue is full (a send would wait) */
		poll_wait(file, &unix_room_wait, wait);
		if (!u->peer ||
		    u->peer->sk.dg_bytes < (size_t)u->peer->sk.sk_rcvbuf)
			mask |= POLLOUT | POLLWRNORM;
		return mask | (sk->dg_head ? POLLIN | POLLRDNORM : 0);
	}
	if (sk_rx_queued(sk))
		mask |= POLLIN | POLLRDNORM;
	if (!u->peer || (u->peer->sk.rx_size - sk_rx_queued(&u->peer->sk)))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static int unix_shutdown(struct socket *sock, int how)
{
	struct unix_sock *u = unix_sk(sock->sk), *p = u->peer;
	int mode = how + 1; /* SHUT_* -> *_SHUTDOWN bits */

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	u->sk.sk_shutdown |=
		mode; /* allowed unconnected too: Linux only records it */
	sk_wake(&u->sk);
	if (p &&
	    sock->type == SOCK_STREAM) { /* the peer sees the mirror image */
		int peer_mode = 0;
		if (mode & RCV_SHUTDOWN)
			peer_mode |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer_mode |= RCV_SHUTDOWN;
		p->sk.sk_shutdown |= peer_mode;
		sk_wake(&p->sk);
	}
	return 0;
}

static int unix_getsockopt(struct socket *sock, int level, int optname,
			   char *optval, int *optlen)
{
	if (level == SOL_SOCKET && optname == SO_PEERCRED) {
		struct unix_sock *u = unix_sk(sock->sk);
		struct ucred cred = {
			0, -1, -1
		}; /* nobody: Linux's "no credentials" */
		if (u->peer || sock->sk->sk_state == TCP_LISTEN)
			cred = (struct ucred){ u->peer_pid, 0, 0 };
		int len;
		if (get_user(len, optlen))
			return -EFAULT;
		if (len < 0)
			return -EINVAL;
		len = min(len, (int)sizeof(cred));
		if (copy_to_user(optval, &cred, len) || put_user(len, optlen))
			return -EFAULT;
		return 0;
	}
	return inet_getsockopt(sock, level, optname, optval, optlen);
}

static int unix_setsockopt(struct socket *sock, int level, int optname,
			   const char *optval, unsigned int optlen)
{
	if (level != SOL_SOCKET)
		return -EOPNOTSUPP;
	return inet_setsockopt(sock, level, optname, optval,
			       optlen); /* timeouts, sizes */
}

static int unix_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	(void)sock, (void)cmd, (void)arg;
	return -ENOTTY;
}

static int unix_release(struct socket *sock)
{
	struct unix_sock *u, **pp;
	struct sock *sk = sock->sk;

	if (!sk)
		return 0;
	u = unix_sk(sk);
	sock->sk = NULL;
	if (u->path_inode) { /* the file stays until unlink; nobody answers there now */
		u->path_inode->i_private = NULL;
		iput(u->path_inode);
	}
	for (int i = 0; i < MAX_ABSTRACT; i++)
		if (abstract_names[i] == u)
			abstract_names[i] = NULL;
	while (sk->accept_head) { /* connections nobody accepted: their clients see EOF */
		struct sock *child = sk->accept_head;
		sk->accept_head = child->accept_next;
		struct socket fake = { .sk = child, .type = SOCK_STREAM };
		unix_release(&fake);
	}
	for (struct unix_sock *o = all_unix_socks; o; o = o->next_all) {
		if (o->peer != u)
			continue;
		o->peer = NULL;
		if (sock->type ==
		    SOCK_STREAM) /* EOF for reads, EPIPE for writes */
			o->sk.sk_shutdown = SHUTDOWN_MASK;
		else
			o->peer_died = 1;
		sk_wake(&o->sk);
	}
	while (u->rights) {
		struct unix_rights *r = u->rights;
		u->rights = r->next;
		unix_rights_inflight(r, -1);
		unix_rights_free(r);
	}
	for (pp = &all_unix_socks; *pp; pp = &(*pp)->next_all)
		if (*pp == u) {
			*pp = u->next_all;
			break;
		}
	sk_free(sk);
	wake_up(&unix_room_wait); /* senders to it: their look-up fails now */
	unix_gc(); /* it may have been the last way into a cycle of sockets in flight */
	return 0;
}

static int unix_no_listen(struct socket *sock, int backlog)
{
	(void)sock, (void)backlog;
	return -EOPNOTSUPP;
}

static int unix_no_accept(struct socket *sock, struct socket *newsock,
			  int flags)
{
	(void)sock, (void)newsock, (void)flags;
	return -EOPNOTSUPP;
}

const struct proto_ops unix_stream_ops = {
	.family = PF_UNIX,
	.release = unix_release,
	.bind = unix_bind,
	.connect = unix_stream_connect,
	.socketpair = unix_socketpair,
	.accept = unix_accept,
	.getname = unix_getname,
	.poll = unix_poll,
	.ioctl = unix_ioctl,
	.listen = unix_listen,
	.shutdown = unix_shutdown,
	.setsockopt = unix_setsockopt,
	.getsockopt = unix_getsockopt,
	.sendmsg = unix_stream_sendmsg,
	.recvmsg = unix_stream_recvmsg,
};

const struct proto_ops unix_dgram_ops = {
	.family = PF_UNIX,
	.release = unix_release,
	.bind = unix_bind,
	.connect = unix_dgram_connect,
	.socketpair = unix_socketpair,
	.accept = unix_no_accept,
	.getname = unix_getname,
	.poll = unix_poll,
	.ioctl = unix_ioctl,
	.listen = unix_no_listen,
	.shutdown = unix_shutdown,
	.setsockopt = unix_setsockopt,
	.getsockopt = unix_getsockopt,
	.sendmsg = unix_dgram_sendmsg,
	.recvmsg = unix_dgram_recvmsg,
};

static int unix_proto_setsockopt(struct sock *sk, int optname, int val)
{
	(void)sk, (void)optname, (void)val;
	return 0; /* SO_REUSEADDR, SO_KEEPALIVE: nothing to do without a network */
}

static int unix_proto_getsockopt(struct sock *sk, int optname, int *val)
{
	(void)sk, (void)optname, (void)val;
	return -ENOPROTOOPT;
}

static struct proto unix_proto = {
	.name = "UNIX",
	.setsockopt = unix_proto_setsockopt,
	.getsockopt = unix_proto_getsockopt,
};

static int unix_create(struct socket *sock, int protocol)
{
	struct unix_sock *u;

	if (protocol && protocol != PF_UNIX)
		return -EPROTONOSUPPORT;
	if (sock->type == SOCK_RAW)
		sock->type = SOCK_DGRAM; /* as Linux does */
	if (sock->type != SOCK_STREAM && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	u = unix_sock_alloc(sock->type);
	if (!u)
		return -ENOMEM;
	u->sk.sk_socket = sock;
	sock->sk = &u->sk;
	sock->ops = sock->type == SOCK_STREAM ? &unix_stream_ops
					      : &unix_dgram_ops;
	return 0;
}

static const struct net_proto_family unix_family_ops = {
	.family = PF_UNIX,
	.create = unix_create,
};

void unix_init(void)
{
	if (sock_register(&unix_family_ops))
		panic("unix_init: cannot register AF_UNIX");
	ramfs_add("/tmp", S_IFDIR | 01777, NULL,
		  0); /* where socket files usually go */
	unix_proc_init();
}
