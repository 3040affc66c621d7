/* The socket layer's structures, as Linux's include/linux/net.h has them: struct socket
 * (the BSD socket a file descriptor names), struct proto_ops (what each family does for
 * each socket call), struct net_proto_family (how a family creates sockets), and
 * struct socket_alloc (a socket and its inode allocated together, as sockfs does). */
#ifndef _MENUOS_SOCKET_H
#define _MENUOS_SOCKET_H

#include <menuos/fs.h>
#include <menuos/wait.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/socket.h>

#define NPROTO AF_MAX

struct sock;
struct socket;
struct poll_table_struct;

/* In the kernel a struct msghdr holds a kernel copy of the address (msg_name) and of the
 * iovec array (msg_iov); the iovecs' bases still point into user space, and the protocol
 * copies data with copy_from_user/copy_to_user. */

struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *addr, int addrlen);
	int (*connect)(struct socket *sock, struct sockaddr *addr, int addrlen,
		       int flags);
	int (*socketpair)(struct socket *a, struct socket *b);
	int (*accept)(struct socket *sock, struct socket *newsock, int flags);
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	unsigned int (*poll)(struct file *file, struct socket *sock,
			     struct poll_table_struct *wait);
	int (*ioctl)(struct socket *sock, unsigned int cmd, unsigned long arg);
	int (*listen)(struct socket *sock, int backlog);
	int (*shutdown)(struct socket *sock, int how);
	int (*setsockopt)(struct socket *sock, int level, int optname,
			  const char *optval, unsigned int optlen);
	int (*getsockopt)(struct socket *sock, int level, int optname,
			  char *optval, int *optlen);
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t len);
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t len,
		       int flags);
};

struct socket {
	socket_state state;
	short type; /* SOCK_STREAM, SOCK_DGRAM */
	unsigned long flags;
	struct wait_queue_head wq; /* blocking calls and poll sleep here */
	struct file *file; /* the file the fd names; file->private_data == this */
	struct sock *sk; /* the protocol's half */
	const struct proto_ops *ops;
};

struct net_proto_family {
	int family;
	int (*create)(struct socket *sock, int protocol);
};

/* sock_alloc allocates both at once; SOCKET_I finds the socket from its inode. */
struct socket_alloc {
	struct socket socket;
	struct inode vfs_inode;
};

static __always_inline struct socket *SOCKET_I(struct inode *inode)
{
	return &container_of(inode, struct socket_alloc, vfs_inode)->socket;
}

static __always_inline struct inode *SOCK_INODE(struct socket *socket)
{
	return &container_of(socket, struct socket_alloc, socket)->vfs_inode;
}

/* net/socket.c */
int sock_register(const struct net_proto_family *ops);
int sock_create(int family, int type, int protocol, struct socket **res);
struct socket *sock_alloc(void);
void sock_release(struct socket *sock);
struct socket *sock_from_file(struct file *file);
int sock_map_fd(struct socket *sock, int flags);
void sock_init(void);
extern int sockets_in_use;

/* net/af_inet.c, net/af_packet.c, net/dev_ioctl.c */
void inet_init(void);
void packet_init(void);
void unix_init(void);
int inet_setsockopt(struct socket *sock, int level, int optname,
		    const char *optval, unsigned int optlen);
int inet_getsockopt(struct socket *sock, int level, int optname, char *optval,
		    int *optlen);
int dev_ioctl(unsigned int cmd,
	      unsigned long arg); /* SIOCGIFINDEX, SIOCGIFADDR, ... */

#endif
