/* Address families, socket types, message flags and the generic socket
 * structures (Linux: include/linux/socket.h and include/linux/net.h, where
 * these are kernel-internal; user space gets the same values from glibc's
 * sys/socket.h). Sizes are i386's: long and pointers are 32 bits. */
#ifndef _UAPI_LINUX_SOCKET_H
#define _UAPI_LINUX_SOCKET_H

#include <asm/fcntl.h>
#include <asm/socket.h>
#include <linux/uio.h>

#define AF_UNSPEC 0
#define AF_UNIX	  1 /* local sockets */
#define AF_LOCAL  AF_UNIX
#define AF_INET	  2 /* IPv4 */
#define AF_INET6  10
#define AF_PACKET 17 /* every packet of an interface (tcpdump) */
#define AF_MAX	  46

#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX	  AF_UNIX
#define PF_LOCAL  AF_LOCAL
#define PF_INET	  AF_INET
#define PF_INET6  AF_INET6
#define PF_PACKET AF_PACKET

#define SOCK_STREAM    1
#define SOCK_DGRAM     2
#define SOCK_RAW       3
#define SOCK_SEQPACKET 5
#define SOCK_TYPE_MASK 0xf
/* Flags or'ed into the type argument of socket(), socketpair(), accept4() */
#define SOCK_NONBLOCK O_NONBLOCK
#define SOCK_CLOEXEC  O_CLOEXEC

#define SOL_PACKET 263 /* AF_PACKET socket options */

#define SOMAXCONN 4096 /* listen() backlog cap */

#define MSG_OOB		 0x01
#define MSG_PEEK	 0x02 /* read without removing */
#define MSG_DONTROUTE	 0x04
#define MSG_CTRUNC	 0x08
#define MSG_TRUNC	 0x20
#define MSG_DONTWAIT	 0x40 /* this call only: do not block */
#define MSG_EOR		 0x80
#define MSG_WAITALL	 0x100 /* block until the whole buffer is filled */
#define MSG_NOSIGNAL	 0x4000 /* no SIGPIPE on a broken stream */
#define MSG_MORE	 0x8000
#define MSG_WAITFORONE	 0x10000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SHUT_RD	  0
#define SHUT_WR	  1
#define SHUT_RDWR 2

struct sockaddr {
	unsigned short sa_family; /* AF_* */
	char sa_data[14];
};

/* Big enough for any address; aligned like a pointer, as Linux's
 * struct __kernel_sockaddr_storage. */
struct sockaddr_storage {
	unsigned short ss_family;
	char __data[128 - sizeof(unsigned short)];
} __attribute__((aligned(4)));

struct linger {
	int l_onoff;
	int l_linger;
};

/* Linux's struct user_msghdr */
struct msghdr {
	void *msg_name; /* address, for unconnected sockets */
	int msg_namelen;
	struct iovec *msg_iov;
	unsigned int msg_iovlen; /* __kernel_size_t */
	void *msg_control; /* ancillary data */
	unsigned int msg_controllen; /* __kernel_size_t */
	unsigned int msg_flags;
};

struct mmsghdr {
	struct msghdr msg_hdr;
	unsigned int msg_len;
};

/* Ancillary data of sendmsg/recvmsg (msg_control): a header, then the data, padded to
 * 4 bytes. SCM_RIGHTS passes open files between processes over AF_UNIX. */
struct cmsghdr {
	unsigned int cmsg_len; /* header and data */
	int cmsg_level; /* SOL_SOCKET */
	int cmsg_type; /* SCM_RIGHTS */
};

#define SCM_RIGHTS 0x01 /* the data is an array of fds */

/* SO_PEERCRED's answer */
struct ucred {
	int pid;
	unsigned int uid, gid;
};

#endif
