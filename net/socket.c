/* The socket calls, as Linux's net/socket.c lays them out: sys_socketcall takes the i386
 * multiplexed call apart and dispatches to one __sys_* function per call; each finds the
 * struct socket behind the fd (sockfd_lookup_light) and hands the call to the family's
 * proto_ops. Sockets live in "sockfs": sock_alloc makes a socket and its inode together,
 * sock_alloc_file wraps it in a file with socket_file_ops, and fd_install gives it an fd,
 * so read, write, poll, fstat, dup and close work on sockets like on any file. */
#include <menuos/fs.h>
#include <menuos/net.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/signal.h>
#include <menuos/sock.h>
#include <menuos/socket.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <linux/time.h>
#include <asm/ioctls.h>

#define AUDITSC_ARGS 6

static const struct net_proto_family *net_families[NPROTO];
int sockets_in_use; /* "sockets: used" in /proc/net/sockstat */
int sysctl_somaxconn =
	128; /* listen() backlogs are clamped to this (net.core.somaxconn) */
static unsigned long sock_ino;

int sock_register(const struct net_proto_family *ops)
{
	if (ops->family < 0 || ops->family >= NPROTO)
		return -ENOBUFS;
	if (net_families[ops->family])
		return -EEXIST;
	net_families[ops->family] = ops;
	return 0;
}

/* ---- sockfs: sockets as inodes and files ---- */

static void sock_destroy_inode(struct inode *inode)
{
	kfree(container_of(inode, struct socket_alloc, vfs_inode));
}

struct socket *sock_alloc(void)
{
	struct socket_alloc *ei = kzalloc(sizeof(*ei));

	if (!ei)
		return NULL;
	struct inode *inode = &ei->vfs_inode;
	inode->i_ino =
		++sock_ino; /* fstat shows it, as socket:[ino] in Linux */
	sockets_in_use++;
	inode->i_count = 1;
	inode->i_mode = S_IFSOCK | 0777;
	inode->destroy_inode = sock_destroy_inode;
	ei->socket.state = SS_UNCONNECTED;
	return &ei->socket;
}

/* Closes the protocol side; the inode (and with it the socket) goes with its last iput. */
void sock_release(struct socket *sock)
{
	if (sock->ops) {
		sock->ops->release(sock);
		sock->ops = NULL;
	}
	sock->state = SS_FREE;
	if (!sock->file) { /* never got a file: nobody else holds the inode */
		sockets_in_use--;
		iput(SOCK_INODE(sock));
	}
}

int __sock_create(int family, int type, int protocol, struct socket **res)
{
	const struct net_proto_family *pf;
	struct socket *sock;
	int err;

	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if (type < 0 || type > SOCK_TYPE_MASK)
		return -EINVAL;
	pf = net_families[family];
	if (!pf)
		return -EAFNOSUPPORT;

	sock = sock_alloc();
	if (!sock)
		return -ENFILE;
	sock->type = type;

	err = pf->create(sock, protocol);
	if (err < 0)
		goto out_release;
	*res = sock;
	return 0;

out_release:
	sock->ops = NULL; /* create failed: nothing to release below */
	sock_release(sock);
	return err;
}

int sock_create(int family, int type, int protocol, struct socket **res)
{
	return __sock_create(family, type, protocol, res);
}

static ssize_t sock_read_iter(struct file *file, char *ubuf, size_t count);
static ssize_t sock_write_iter(struct file *file, const char *ubuf,
			       size_t count);
static unsigned int sock_poll(struct file *file,
			      struct poll_table_struct *wait);
static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
static int sock_close(struct inode *inode, struct file *file);

const struct file_operations socket_file_ops = {
	.read = sock_read_iter,
	.write = sock_write_iter,
	.poll = sock_poll,
	.ioctl = sock_ioctl,
	.release = sock_close,
};

struct file *sock_alloc_file(struct socket *sock, int flags)
{
	struct file *file = alloc_file(SOCK_INODE(sock),
				       O_RDWR | (flags & O_NONBLOCK),
				       &socket_file_ops);

	if (!file)
		return ERR_PTR(-ENFILE);
	sock->file = file;
	file->private_data = sock;
	return file;
}

int sock_map_fd(struct socket *sock, int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd < 0)
		return fd;
	struct file *newfile = sock_alloc_file(sock, flags);
	if (IS_ERR(newfile)) {
		put_unused_fd(fd);
		return PTR_ERR(newfile);
	}
	fd_install(fd, newfile);
	return fd;
}

struct socket *sock_from_file(struct file *file)
{
	if (file->f_op == &socket_file_ops)
		return file->private_data;
	return NULL;
}

/* The socket behind fd, with a file reference the caller drops with fput. */
static struct socket *sockfd_lookup_light(int fd, int *err, struct file **filep)
{
	struct file *file = fget(fd);
	struct socket *sock;

	*err = -EBADF;
	if (!file)
		return NULL;
	sock = sock_from_file(file);
	if (!sock) {
		*err = -ENOTSOCK;
		fput(file);
		return NULL;
	}
	*filep = file;
	return sock;
}

int move_addr_to_kernel(const void *uaddr, int ulen,
			struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(struct sockaddr_storage))
		return -EINVAL;
	if (ulen == 0)
		return 0;
	return copy_from_user(kaddr, uaddr, ulen) ? -EFAULT : 0;
}

/* Copies an address out and stores its full length in *ulen (truncating as Linux). */
static int move_addr_to_user(const struct sockaddr_storage *kaddr, int klen,
			     void *uaddr, int *ulen)
{
	int len;

	if (get_user(len, ulen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > klen)
		len = klen;
	if (len && copy_to_user(uaddr, kaddr, len))
		return -EFAULT;
	return put_user(klen, ulen) ? -EFAULT : 0;
}

/* ---- the socket calls ---- */

int __sys_socket(int family, int type, int protocol)
{
	struct socket *sock;
	int flags = type & ~SOCK_TYPE_MASK;
	int retval;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;

	retval = sock_create(family, type, protocol, &sock);
	if (retval < 0)
		return retval;
	retval = sock_map_fd(sock, flags & (O_CLOEXEC | O_NONBLOCK));
	if (retval < 0)
		sock_release(sock);
	return retval;
}

int __sys_socketpair(int family, int type, int protocol, int *usockvec)
{
	struct socket *sock1, *sock2;
	int fd1, fd2, err, flags = type & ~SOCK_TYPE_MASK;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;
	err = sock_create(family, type, protocol, &sock1);
	if (err < 0)
		return err;
	err = sock_create(family, type, protocol, &sock2);
	if (err < 0)
		goto out_release_1;
	err = sock1->ops->socketpair ? sock1->ops->socketpair(sock1, sock2)
				     : -EOPNOTSUPP;
	if (err < 0)
		goto out_release_both;
	fd1 = sock_map_fd(sock1, flags);
	if (fd1 < 0) {
		err = fd1;
		goto out_release_both;
	}
	fd2 = sock_map_fd(sock2, flags);
	if (fd2 < 0) {
		close_fd(fd1); /* releases sock1 */
		sock_release(sock2);
		return fd2;
	}
	int fds[2] = { fd1, fd2 };
	if (copy_to_user(usockvec, fds, sizeof(fds))) {
		close_fd(fd1);
		close_fd(fd2);
		return -EFAULT;
	}
	return 0;

out_release_both:
	sock_release(sock2);
out_release_1:
	sock_release(sock1);
	return err;
}

int __sys_bind(int fd, struct sockaddr *umyaddr, int addrlen)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = move_addr_to_kernel(umyaddr, addrlen, &address);
	if (!err)
		err = sock->ops->bind(sock, (struct sockaddr *)&address,
				      addrlen);
	fput(file);
	return err;
}

int __sys_listen(int fd, int backlog)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	if ((unsigned int)backlog > (unsigned int)sysctl_somaxconn)
		backlog = sysctl_somaxconn;
	err = sock->ops->listen(sock, backlog);
	fput(file);
	return err;
}

int __sys_accept4(int fd, struct sockaddr *upeer_sockaddr, int *upeer_addrlen,
		  int flags)
{
	struct socket *sock, *newsock;
	struct file *file, *newfile;
	struct sockaddr_storage address;
	int err, len, newfd;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;

	err = -ENFILE;
	newsock = sock_alloc();
	if (!newsock)
		goto out_put;
	newsock->type = sock->type;
	newsock->ops = sock->ops;

	newfd = get_unused_fd_flags(flags);
	if (newfd < 0) {
		err = newfd;
		newsock->ops = NULL;
		sock_release(newsock);
		goto out_put;
	}
	newfile = sock_alloc_file(newsock, flags);
	if (IS_ERR(newfile)) {
		err = PTR_ERR(newfile);
		put_unused_fd(newfd);
		newsock->ops = NULL;
		sock_release(newsock);
		goto out_put;
	}

	err = sock->ops->accept(sock, newsock, file->f_flags | flags);
	if (err < 0)
		goto out_fd;

	if (upeer_sockaddr) {
		len = newsock->ops->getname(newsock,
					    (struct sockaddr *)&address, 2);
		if (len < 0) {
			err = -ECONNABORTED;
			goto out_fd;
		}
		err = move_addr_to_user(&address, len, upeer_sockaddr,
					upeer_addrlen);
		if (err < 0)
			goto out_fd;
	}
	fd_install(newfd, newfile);
	err = newfd;
out_put:
	fput(file);
	return err;
out_fd:
	put_unused_fd(newfd);
	fput(newfile); /* sock_close releases newsock */
	goto out_put;
}

int __sys_connect(int fd, struct sockaddr *uservaddr, int addrlen)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = move_addr_to_kernel(uservaddr, addrlen, &address);
	if (!err)
		err = sock->ops->connect(sock, (struct sockaddr *)&address,
					 addrlen, file->f_flags);
	fput(file);
	return err;
}

static int do_getname(int fd, struct sockaddr *usockaddr, int *usockaddr_len,
		      int peer)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	memset(&address, 0, sizeof(address));
	err = sock->ops->getname(sock, (struct sockaddr *)&address, peer);
	if (err >= 0)
		err = move_addr_to_user(&address, err, usockaddr,
					usockaddr_len);
	fput(file);
	return err;
}

int __sys_getsockname(int fd, struct sockaddr *usockaddr, int *usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 0);
}

int __sys_getpeername(int fd, struct sockaddr *usockaddr, int *usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 1);
}

/* Checks the iovecs against user memory and sums their lengths. */
static long check_iovecs(struct iovec *iov, size_t n, int write)
{
	long total = 0;

	for (size_t i = 0; i < n; i++) {
		if ((long)iov[i].iov_len < 0 ||
		    total + (long)iov[i].iov_len < total)
			return -EINVAL;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len, write))
			return -EFAULT;
		total += iov[i].iov_len;
	}
	return total;
}

static int sock_sendmsg(struct socket *sock, struct msghdr *msg,
			unsigned int flags)
{
	long len = check_iovecs(msg->msg_iov, msg->msg_iovlen, 0);

	if (len < 0)
		return len;
	msg->msg_flags = flags;
	if (sock->file->f_flags & O_NONBLOCK)
		msg->msg_flags |= MSG_DONTWAIT;
	return sock->ops->sendmsg(sock, msg, len);
}

static int sock_recvmsg(struct socket *sock, struct msghdr *msg,
			unsigned int flags)
{
	long len = check_iovecs(msg->msg_iov, msg->msg_iovlen, 1);

	if (len < 0)
		return len;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	return sock->ops->recvmsg(sock, msg, len, flags);
}

int __sys_sendto(int fd, void *buff, size_t len, unsigned int flags,
		 struct sockaddr *addr, int addr_len)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct msghdr msg;
	struct iovec iov = { buff, len };
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (addr) {
		err = move_addr_to_kernel(addr, addr_len, &address);
		if (err < 0)
			goto out_put;
		msg.msg_name = &address;
		msg.msg_namelen = addr_len;
	}
	err = sock_sendmsg(sock, &msg, flags);
out_put:
	fput(file);
	return err;
}

int __sys_recvfrom(int fd, void *ubuf, size_t size, unsigned int flags,
		   struct sockaddr *addr, int *addr_len)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct msghdr msg;
	struct iovec iov = { ubuf, size };
	struct file *file;
	int err, err2;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	memset(&msg, 0, sizeof(msg));
	memset(&address, 0, sizeof(address));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_name = addr ? &address : NULL;
	err = sock_recvmsg(sock, &msg, flags);
	if (err >= 0 &&
	    addr) { /* a length of 0 too (TCP, an unnamed sender), as Linux */
		err2 = move_addr_to_user(&address, msg.msg_namelen, addr,
					 addr_len);
		if (err2 < 0)
			err = err2;
	}
	fput(file);
	return err;
}

int __sys_setsockopt(int fd, int level, int optname, char *optval, int optlen)
{
	struct socket *sock;
	struct file *file;
	int err;

	if (optlen < 0)
		return -EINVAL;
	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = sock->ops->setsockopt(sock, level, optname, optval, optlen);
	fput(file);
	return err;
}

int __sys_getsockopt(int fd, int level, int optname, char *optval, int *optlen)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = sock->ops->getsockopt(sock, level, optname, optval, optlen);
	fput(file);
	return err;
}

int __sys_shutdown(int fd, int how)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = sock->ops->shutdown(sock, how);
	fput(file);
	return err;
}

/* Copies a user msghdr, its iovec array and its address into kernel copies. */
static int copy_msghdr_from_user(struct msghdr *kmsg, struct msghdr *umsg,
				 struct sockaddr_storage *addr,
				 struct iovec *iov, int for_recv, void **uaddr)
{
	if (copy_from_user(kmsg, umsg, sizeof(*kmsg)))
		return -EFAULT;
	if (kmsg->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	*uaddr = kmsg->msg_name;
	if (kmsg->msg_name && !for_recv) {
		int err = move_addr_to_kernel(kmsg->msg_name, kmsg->msg_namelen,
					      addr);
		if (err < 0)
			return err;
	}
	if (kmsg->msg_name)
		kmsg->msg_name = addr;
	else
		kmsg->msg_namelen = 0;
	if (kmsg->msg_iovlen &&
	    copy_from_user(iov, kmsg->msg_iov, kmsg->msg_iovlen * sizeof(*iov)))
		return -EFAULT;
	kmsg->msg_iov = iov;
	return 0;
}

static long ___sys_msg(struct socket *sock, struct msghdr *umsg,
		       unsigned int flags, int recv)
{
	struct sockaddr_storage address;
	struct msghdr msg;
	void *uaddr;
	struct iovec *iov = kmalloc(UIO_MAXIOV * sizeof(struct iovec));
	long err;

	if (!iov)
		return -ENOMEM;
	memset(&address, 0, sizeof(address));
	err = copy_msghdr_from_user(&msg, umsg, &address, iov, recv, &uaddr);
	if (err < 0)
		goto out;
	if (!recv) {
		err = sock_sendmsg(sock, &msg, flags);
		goto out;
	}
	msg.msg_namelen = 0;
	msg.msg_flags = 0;
	err = sock_recvmsg(sock, &msg, flags);
	if (err < 0)
		goto out;
	if (uaddr && msg.msg_namelen) {
		int e = move_addr_to_user(&address, msg.msg_namelen, uaddr,
					  &umsg->msg_namelen);
		if (e < 0) {
			err = e;
			goto out;
		}
	} else if (put_user(0, &umsg->msg_namelen)) {
		err = -EFAULT;
		goto out;
	}
	/* the protocol set msg_controllen to the ancillary bytes it wrote (SCM_RIGHTS) */
	if (put_user(msg.msg_flags, &umsg->msg_flags) ||
	    put_user(msg.msg_controllen, &umsg->msg_controllen))
		err = -EFAULT;
out:
	kfree(iov);
	return err;
}

long __sys_sendmsg(int fd, struct msghdr *msg, unsigned int flags)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = ___sys_msg(sock, msg, flags, 0);
	fput(file);
	return err;
}

long __sys_recvmsg(int fd, struct msghdr *msg, unsigned int flags)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	err = ___sys_msg(sock, msg, flags, 1);
	fput(file);
	return err;
}

/* recvmmsg's timeout, in either time layout: the ticks it allows, written back as the
 * time left when the call ends (as Linux does). */
struct mmsg_timeout {
	void *user; /* NULL: none */
	int is64; /* a __kernel_timespec (recvmmsg_time64) */
	unsigned long end; /* jiffies */
};

static int mmsg_timeout_start(struct mmsg_timeout *t)
{
	long long sec, nsec;

	if (!t->user)
		return 0;
	if (t->is64) {
		struct __kernel_timespec ts;
		if (copy_from_user(&ts, t->user, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec, nsec = ts.tv_nsec;
	} else {
		struct timespec ts;
		if (copy_from_user(&ts, t->user, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec, nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= 1000000000LL)
		return -EINVAL;
	long ticks = timeout_to_ticks(sec, nsec);
	t->end = jiffies + (ticks < 0 ? __LONG_MAX__ / 2 : ticks);
	return 0;
}

/* 1 once the time is up; the time left goes back to the user either way */
static int mmsg_timeout_over(struct mmsg_timeout *t)
{
	long left = (long)(t->end - jiffies);
	long sec = left > 0 ? left / HZ : 0,
	     nsec = left > 0 ? (left % HZ) * (1000000000L / HZ) : 0;
	struct timespec ts = { sec, nsec };
	struct __kernel_timespec ts64 = { sec, nsec };

	if (t->is64)
		(void)copy_to_user(t->user, &ts64, sizeof(ts64));
	else
		(void)copy_to_user(t->user, &ts, sizeof(ts));
	return left <= 0;
}

/* sendmmsg/recvmmsg: the single-message calls in a loop; a later failure after some
 * messages went through reports the count, as Linux does. recvmmsg waits for all vlen
 * messages, or only the first with MSG_WAITFORONE; its timeout is looked at after each
 * message (Linux's rule: it does not cut a receive short). */
static int do_mmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen,
		   unsigned int flags, struct mmsg_timeout *timeout, int recv)
{
	struct socket *sock;
	struct file *file;
	unsigned int done = 0;
	int err;

	if (timeout && (err = mmsg_timeout_start(timeout)))
		return err;
	sock = sockfd_lookup_light(fd, &err, &file);
	if (!sock)
		return err;
	if (vlen > UIO_MAXIOV)
		vlen = UIO_MAXIOV;
	for (; done < vlen; done++) {
		/* user addresses by arithmetic: &mmsg[done].msg_hdr on a NULL mmsg would be
		 * undefined behaviour in C (UBSan says so), and the copy checks them anyway */
		unsigned long entry =
			(unsigned long)mmsg + done * sizeof(*mmsg);
		int wait_one = recv && done && (flags & MSG_WAITFORONE);
		long n = ___sys_msg(
			sock,
			(struct msghdr *)(entry +
					  offsetof(struct mmsghdr, msg_hdr)),
			(flags & ~MSG_WAITFORONE) |
				(wait_one ? MSG_DONTWAIT : 0),
			recv);
		if (n < 0) {
			err = n;
			break;
		}
		if (put_user((unsigned int)n,
			     (unsigned int *)(entry + offsetof(struct mmsghdr,
							       msg_len)))) {
			err = -EFAULT;
			break;
		}
		if (timeout && timeout->user && mmsg_timeout_over(timeout)) {
			done++;
			break;
		}
	}
	fput(file);
	return done ? (int)done : err;
}

/* ---- sys_socketcall: the i386 entry for all of the above ---- */

#define AL(x) ((x) * sizeof(unsigned long))
static const unsigned char nargs[21] = {
	AL(0), AL(3), AL(3), AL(3), AL(2), AL(3), AL(3),
	AL(3), AL(4), AL(4), AL(4), AL(6), AL(6), AL(2),
	AL(5), AL(5), AL(3), AL(3), AL(4), AL(5), AL(4),
};
#undef AL

long sys_socketcall(int call, unsigned long *args)
{
	unsigned long a[AUDITSC_ARGS];
	unsigned long a0, a1;
	long err;

	if (call < 1 || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, args, nargs[call]))
		return -EFAULT;
	a0 = a[0];
	a1 = a[1];

	switch (call) {
	case SYS_SOCKET:
		err = __sys_socket(a0, a1, a[2]);
		break;
	case SYS_BIND:
		err = __sys_bind(a0, (struct sockaddr *)a1, a[2]);
		break;
	case SYS_CONNECT:
		err = __sys_connect(a0, (struct sockaddr *)a1, a[2]);
		break;
	case SYS_LISTEN:
		err = __sys_listen(a0, a1);
		break;
	case SYS_ACCEPT:
		err = __sys_accept4(a0, (struct sockaddr *)a1, (int *)a[2], 0);
		break;
	case SYS_GETSOCKNAME:
		err = __sys_getsockname(a0, (struct sockaddr *)a1, (int *)a[2]);
		break;
	case SYS_GETPEERNAME:
		err = __sys_getpeername(a0, (struct sockaddr *)a1, (int *)a[2]);
		break;
	case SYS_SOCKETPAIR:
		err = __sys_socketpair(a0, a1, a[2], (int *)a[3]);
		break;
	case SYS_SEND:
		err = __sys_sendto(a0, (void *)a1, a[2], a[3], NULL, 0);
		break;
	case SYS_SENDTO:
		err = __sys_sendto(a0, (void *)a1, a[2], a[3],
				   (struct sockaddr *)a[4], a[5]);
		break;
	case SYS_RECV:
		err = __sys_recvfrom(a0, (void *)a1, a[2], a[3], NULL, NULL);
		break;
	case SYS_RECVFROM:
		err = __sys_recvfrom(a0, (void *)a1, a[2], a[3],
				     (struct sockaddr *)a[4], (int *)a[5]);
		break;
	case SYS_SHUTDOWN:
		err = __sys_shutdown(a0, a1);
		break;
	case SYS_SETSOCKOPT:
		err = __sys_setsockopt(a0, a1, a[2], (char *)a[3], a[4]);
		break;
	case SYS_GETSOCKOPT:
		err = __sys_getsockopt(a0, a1, a[2], (char *)a[3], (int *)a[4]);
		break;
	case SYS_SENDMSG:
		err = __sys_sendmsg(a0, (struct msghdr *)a1, a[2]);
		break;
	case SYS_SENDMMSG:
		err = do_mmsg(a0, (struct mmsghdr *)a1, a[2], a[3], NULL, 0);
		break;
	case SYS_RECVMSG:
		err = __sys_recvmsg(a0, (struct msghdr *)a1, a[2]);
		break;
	case SYS_RECVMMSG:
		err = do_mmsg(a0, (struct mmsghdr *)a1, a[2], a[3],
			      &(struct mmsg_timeout){ (void *)a[4], 0, 0 }, 1);
		break;
	case SYS_ACCEPT4:
		err = __sys_accept4(a0, (struct sockaddr *)a1, (int *)a[2],
				    a[3]);
		break;
	default:
		err = -EINVAL;
		break;
	}
	sock_net_poll(); /* deliver what the call queued on the loopback interface */
	return err;
}

/* The direct i386 socket syscalls (Linux 4.3+, numbers 359..373) reach the same code. */
long sys_socket(int family, int type, int protocol)
{
	long err = __sys_socket(family, type, protocol);
	sock_net_poll();
	return err;
}
long sys_socketpair(int family, int type, int protocol, int *usockvec)
{
	return __sys_socketpair(family, type, protocol, usockvec);
}
long sys_bind(int fd, struct sockaddr *addr, int addrlen)
{
	long err = __sys_bind(fd, addr, addrlen);
	sock_net_poll();
	return err;
}
long sys_connect(int fd, struct sockaddr *addr, int addrlen)
{
	long err = __sys_connect(fd, addr, addrlen);
	sock_net_poll();
	return err;
}
long sys_listen(int fd, int backlog)
{
	long err = __sys_listen(fd, backlog);
	sock_net_poll();
	return err;
}
long sys_accept4(int fd, struct sockaddr *addr, int *addrlen, int flags)
{
	long err = __sys_accept4(fd, addr, addrlen, flags);
	sock_net_poll();
	return err;
}
long sys_getsockopt(int fd, int level, int optname, char *optval, int *optlen)
{
	return __sys_getsockopt(fd, level, optname, optval, optlen);
}
long sys_setsockopt(int fd, int level, int optname, char *optval, int optlen)
{
	return __sys_setsockopt(fd, level, optname, optval, optlen);
}
long sys_getsockname(int fd, struct sockaddr *addr, int *addrlen)
{
	return __sys_getsockname(fd, addr, addrlen);
}
long sys_getpeername(int fd, struct sockaddr *addr, int *addrlen)
{
	return __sys_getpeername(fd, addr, addrlen);
}
long sys_sendto(int fd, void *buf, size_t len, unsigned int flags,
		struct sockaddr *addr, int addrlen)
{
	long err = __sys_sendto(fd, buf, len, flags, addr, addrlen);
	sock_net_poll();
	return err;
}
long sys_recvfrom(int fd, void *buf, size_t len, unsigned int flags,
		  struct sockaddr *addr, int *addrlen)
{
	long err = __sys_recvfrom(fd, buf, len, flags, addr, addrlen);
	sock_net_poll();
	return err;
}
long sys_sendmsg(int fd, struct msghdr *msg, unsigned int flags)
{
	long err = __sys_sendmsg(fd, msg, flags);
	sock_net_poll();
	return err;
}
long sys_recvmsg(int fd, struct msghdr *msg, unsigned int flags)
{
	long err = __sys_recvmsg(fd, msg, flags);
	sock_net_poll();
	return err;
}
long sys_shutdown(int fd, int how)
{
	long err = __sys_shutdown(fd, how);
	sock_net_poll();
	return err;
}
long sys_sendmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen,
		  unsigned int flags)
{
	long err = do_mmsg(fd, mmsg, vlen, flags, NULL, 0);
	sock_net_poll();
	return err;
}
long sys_recvmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen,
		  unsigned int flags, struct timespec *timeout)
{
	struct mmsg_timeout t = { timeout, 0, 0 };
	long err = do_mmsg(fd, mmsg, vlen, flags, &t, 1);
	sock_net_poll();
	return err;
}

long sys_recvmmsg_time64(int fd, struct mmsghdr *mmsg, unsigned int vlen,
			 unsigned int flags, struct __kernel_timespec *timeout)
{
	struct mmsg_timeout t = { timeout, 1, 0 };
	long err = do_mmsg(fd, mmsg, vlen, flags, &t, 1);
	sock_net_poll();
	return err;
}

/* ---- socket_file_ops: a socket seen as a file ---- */

static ssize_t sock_read_iter(struct file *file, char *ubuf, size_t count)
{
	struct socket *sock = file->private_data;
	struct iovec iov = { ubuf, count };
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ssize_t n = sock_recvmsg(sock, &msg, 0);
	sock_net_poll();
	return n;
}

static ssize_t sock_write_iter(struct file *file, const char *ubuf,
			       size_t count)
{
	struct socket *sock = file->private_data;
	struct iovec iov = { (void *)ubuf, count };
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ssize_t n = sock_sendmsg(sock, &msg, 0);
	sock_net_poll();
	return n;
}

static unsigned int sock_poll(struct file *file, struct poll_table_struct *wait)
{
	struct socket *sock = file->private_data;

	sock_net_poll();
	return sock->ops->poll(file, sock, wait);
}

static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct socket *sock = file->private_data;

	return sock->ops->ioctl ? sock->ops->ioctl(sock, cmd, arg) : -ENOTTY;
}

static int sock_close(struct inode *inode, struct file *file)
{
	struct socket *sock = SOCKET_I(inode);

	(void)file;
	sock->file = NULL;
	if (sock->ops)
		sock->ops->release(sock);
	sock->ops = NULL;
	sock->state = SS_FREE;
	sockets_in_use--;
	sock_net_poll();
	return 0; /* fput's iput frees the socket with its inode */
}

void sock_init(void)
{
	unix_init();
	inet_init();
	packet_init();
}
