/* BSD sockets. Constants and structures from <linux/socket.h>; every call
 * goes through socketcall(102) on i386. */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>
#include <linux/socket.h>

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* Walking msg_control (struct cmsghdr of <linux/socket.h>): each header and
 * its data are padded to a multiple of sizeof(long), as glibc's macros. */
#define CMSG_ALIGN(len) (((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_DATA(cmsg) ((unsigned char *)(cmsg) + sizeof(struct cmsghdr))
#define CMSG_SPACE(len) (sizeof(struct cmsghdr) + CMSG_ALIGN(len))
#define CMSG_LEN(len)	(sizeof(struct cmsghdr) + (len))
#define CMSG_FIRSTHDR(msg)                               \
	((msg)->msg_controllen >= sizeof(struct cmsghdr) \
		 ? (struct cmsghdr *)(msg)->msg_control  \
		 : (struct cmsghdr *)0)
#define CMSG_NXTHDR(msg, cmsg) __cmsg_nxthdr((msg), (cmsg))

/* The header after cmsg, or NULL when it would not fit in msg_control. */
static inline struct cmsghdr *__cmsg_nxthdr(struct msghdr *msg,
					    struct cmsghdr *cmsg)
{
	struct cmsghdr *next = (struct cmsghdr *)((unsigned char *)cmsg +
						  CMSG_ALIGN(cmsg->cmsg_len));

	if (cmsg->cmsg_len < sizeof(struct cmsghdr)) /* would loop */
		return (struct cmsghdr *)0;
	if ((unsigned long)((char *)(next + 1) - (char *)msg->msg_control) >
	    msg->msg_controllen)
		return (struct cmsghdr *)0;
	return next;
}

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int sv[2]);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
int getpeername(int fd, struct sockaddr *addr, socklen_t *len);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);
ssize_t sendto(int fd, const void *buf, size_t len, int flags,
	       const struct sockaddr *to, socklen_t tolen);
ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
		 struct sockaddr *from, socklen_t *fromlen);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
int shutdown(int fd, int how);
int setsockopt(int fd, int level, int name, const void *val, socklen_t len);
int getsockopt(int fd, int level, int name, void *val, socklen_t *len);

#endif
