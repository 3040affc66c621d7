/* The socket calls. On i386 Linux they all go through one system call,
 * socketcall(102): ebx = which call (SYS_* of <linux/net.h>), ecx = address
 * of an array holding that call's arguments as unsigned longs. */
#include <linux/net.h>
#include <sys/socket.h>
#include "syscall.h"

static long socketcall(int call, unsigned long *args)
{
	return __syscall_ret(__syscall2(__NR_socketcall, call, (long)args));
}

#define U(x) ((unsigned long)(x))

int socket(int domain, int type, int protocol)
{
	unsigned long args[3] = { U(domain), U(type), U(protocol) };

	return socketcall(SYS_SOCKET, args);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	unsigned long args[4] = { U(domain), U(type), U(protocol), U(sv) };

	return socketcall(SYS_SOCKETPAIR, args);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	unsigned long args[3] = { U(fd), U(addr), U(len) };

	return socketcall(SYS_BIND, args);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	unsigned long args[3] = { U(fd), U(addr), U(len) };

	return socketcall(SYS_CONNECT, args);
}

int listen(int fd, int backlog)
{
	unsigned long args[2] = { U(fd), U(backlog) };

	return socketcall(SYS_LISTEN, args);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	unsigned long args[3] = { U(fd), U(addr), U(len) };

	return socketcall(SYS_ACCEPT, args);
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	unsigned long args[4] = { U(fd), U(addr), U(len), U(flags) };

	return socketcall(SYS_ACCEPT4, args);
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	unsigned long args[3] = { U(fd), U(addr), U(len) };

	return socketcall(SYS_GETSOCKNAME, args);
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	unsigned long args[3] = { U(fd), U(addr), U(len) };

	return socketcall(SYS_GETPEERNAME, args);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	unsigned long args[4] = { U(fd), U(buf), U(len), U(flags) };

	return socketcall(SYS_SEND, args);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	unsigned long args[4] = { U(fd), U(buf), U(len), U(flags) };

	return socketcall(SYS_RECV, args);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	unsigned long args[6] = { U(fd),    U(buf), U(len),
				  U(flags), U(to),  U(tolen) };

	return socketcall(SYS_SENDTO, args);
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
		 struct sockaddr *from, socklen_t *fromlen)
{
	unsigned long args[6] = { U(fd),    U(buf),  U(len),
				  U(flags), U(from), U(fromlen) };

	return socketcall(SYS_RECVFROM, args);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	unsigned long args[3] = { U(fd), U(msg), U(flags) };

	return socketcall(SYS_SENDMSG, args);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	unsigned long args[3] = { U(fd), U(msg), U(flags) };

	return socketcall(SYS_RECVMSG, args);
}

int shutdown(int fd, int how)
{
	unsigned long args[2] = { U(fd), U(how) };

	return socketcall(SYS_SHUTDOWN, args);
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	unsigned long args[5] = { U(fd), U(level), U(name), U(val), U(len) };

	return socketcall(SYS_SETSOCKOPT, args);
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	unsigned long args[5] = { U(fd), U(level), U(name), U(val), U(len) };

	return socketcall(SYS_GETSOCKOPT, args);
}
