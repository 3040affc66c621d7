/* struct sock helpers shared by TCP and UDP (Linux's net/core/sock.c, in small): allocation,
 * the pending error, timeouts, copying between a msghdr's user iovecs and the kernel,
 * and lwIP's error codes as errno values. */
#include <menuos/interrupt.h>
#include <menuos/net.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>
#include "lwip/err.h"

struct sock *sk_alloc(int family, int type, int protocol, struct proto *prot)
{
	return sk_alloc_size(sizeof(struct sock), family, type, protocol, prot);
}

/* For a family whose socket embeds struct sock first (AF_UNIX's struct unix_sock). */
struct sock *sk_alloc_size(size_t size, int family, int type, int protocol,
			   struct proto *prot)
{
	struct sock *sk = kzalloc(size);

	if (!sk)
		return NULL;
	sk->sk_family = family;
	sk->sk_type = type;
	sk->sk_protocol = protocol;
	sk->sk_prot = prot;
	sk->sk_state = TCP_CLOSE;
	sk->sk_rcvtimeo = sk->sk_sndtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_linger = -1;
	prot->inuse++;
	return sk;
}

void sk_free(struct sock *sk)
{
	while (sk->dg_head) {
		struct sk_dgram *d = sk->dg_head;
		sk->dg_head = d->next;
		kfree(d);
	}
	kfree(sk->rx_buf);
	sk->sk_prot->inuse--;
	kfree(sk);
}

int sock_error(struct sock *sk)
{
	int err = sk->sk_err;

	sk->sk_err = 0;
	return -err;
}

/* lwIP's err_t as a Linux errno (lwIP's own table is only built with its sockets). */
int err_to_errno(int err)
{
	switch (err) {
	case ERR_OK:
		return 0;
	case ERR_MEM:
		return ENOMEM;
	case ERR_BUF:
		return ENOBUFS;
	case ERR_TIMEOUT:
		return ETIMEDOUT;
	case ERR_RTE:
		return EHOSTUNREACH;
	case ERR_INPROGRESS:
		return EINPROGRESS;
	case ERR_VAL:
		return EINVAL;
	case ERR_WOULDBLOCK:
		return EWOULDBLOCK;
	case ERR_USE:
		return EADDRINUSE;
	case ERR_ALREADY:
		return EALREADY;
	case ERR_ISCONN:
		return EISCONN;
	case ERR_CONN:
		return ENOTCONN;
	case ERR_IF:
		return ENETDOWN;
	case ERR_ABRT:
		return ECONNABORTED;
	case ERR_RST:
		return ECONNRESET;
	case ERR_CLSD:
		return ENOTCONN;
	default:
		return EIO;
	}
}

long sock_rcvtimeo(const struct sock *sk, int nonblock)
{
	return nonblock ? 0 : sk->sk_rcvtimeo;
}

long sock_sndtimeo(const struct sock *sk, int nonblock)
{
	return nonblock ? 0 : sk->sk_sndtimeo;
}

/* A signal ended the wait: restartable unless a timeout was running (as Linux). */
int sock_intr_errno(long timeo)
{
	return timeo == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
}

void sock_net_poll(void)
{
	net_bottom_half();
}

/* Copies len bytes into the message's iovecs from (*iov_index, *iov_off) on. */
int memcpy_to_msg(struct msghdr *msg, size_t *iov_index, size_t *iov_off,
		  const void *from, size_t len)
{
	const char *src = from;

	while (len && *iov_index < msg->msg_iovlen) {
		struct iovec *iov = &msg->msg_iov[*iov_index];
		size_t n = min(len, (size_t)iov->iov_len - *iov_off);
		if (n && copy_to_user((char *)iov->iov_base + *iov_off, src, n))
			return -EFAULT;
		src += n;
		len -= n;
		*iov_off += n;
		if (*iov_off == iov->iov_len) {
			(*iov_index)++;
			*iov_off = 0;
		}
	}
	return 0;
}

/* The first n queued bytes of a stream's receive ring into the message (the ring may
 * wrap: one or two pieces); rx_tail is the caller's to move. TCP and AF_UNIX share it. */
int sk_rx_to_msg(struct sock *sk, struct msghdr *msg, size_t *iov_index,
		 size_t *iov_off, size_t n)
{
	size_t start = sk->rx_tail % sk->rx_size,
	       first = min(n, sk->rx_size - start);

	return memcpy_to_msg(msg, iov_index, iov_off, sk->rx_buf + start,
			     first) ||
	       memcpy_to_msg(msg, iov_index, iov_off, sk->rx_buf, n - first);
}

int memcpy_from_msg(void *to, struct msghdr *msg, size_t *iov_index,
		    size_t *iov_off, size_t len)
{
	char *dst = to;

	while (len && *iov_index < msg->msg_iovlen) {
		struct iovec *iov = &msg->msg_iov[*iov_index];
		size_t n = min(len, (size_t)iov->iov_len - *iov_off);
		if (n &&
		    copy_from_user(dst, (char *)iov->iov_base + *iov_off, n))
			return -EFAULT;
		dst += n;
		len -= n;
		*iov_off += n;
		if (*iov_off == iov->iov_len) {
			(*iov_index)++;
			*iov_off = 0;
		}
	}
	return 0;
}

/* Appends a datagram to the receive queue and wakes the reader. */
void sk_dgram_queue(struct sock *sk, struct sk_dgram *d)
{
	d->next = NULL;
	if (sk->dg_tail)
		sk->dg_tail->next = d;
	else
		sk->dg_head = d;
	sk->dg_tail = d;
	sk->dg_bytes += d->len;
	sk->dg_queued++;
	sk_wake(sk);
}

/* recvmsg for datagram sockets: one datagram a call, its sender in msg_name, MSG_TRUNC
 * when it did not fit (with MSG_TRUNC in flags, the full length is returned). */
int sk_dgram_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	size_t idx = 0, off = 0;
	struct sk_dgram *d;

	msg->msg_controllen =
		0; /* no ancillary data (AF_UNIX adds its own after) */
	if (!sk->dg_head) {
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			return 0;
		int rc =
			sk_wait_event(sk, &timeo,
				      sk->dg_head || sk->sk_err ||
					      (sk->sk_shutdown & RCV_SHUTDOWN));
		if (rc < 0)
			return rc;
		if (sk->sk_err)
			return sock_error(sk);
		if (!sk->dg_head)
			return (sk->sk_shutdown & RCV_SHUTDOWN) ? 0 : -EAGAIN;
	}
	d = sk->dg_head;
	size_t n = min(len, d->len);
	if (memcpy_to_msg(msg, &idx, &off, d->data, n))
		return -EFAULT;
	if (msg->msg_name) {
		memcpy(msg->msg_name, &d->from, d->fromlen);
		msg->msg_namelen = d->fromlen;
	}
	if (d->len > len)
		msg->msg_flags |= MSG_TRUNC;
	int ret = (flags & MSG_TRUNC) ? (int)d->len : (int)n;
	if (!(flags & MSG_PEEK)) {
		sk->dg_head = d->next;
		if (!sk->dg_head)
			sk->dg_tail = NULL;
		sk->dg_bytes -= d->len;
		sk->dg_taken++;
		kfree(d);
	}
	return ret;
}
