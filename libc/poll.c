/* Waiting on several fds: poll(168) and select (_newselect, 142). */
#include <poll.h>
#include <sys/select.h>
#include "syscall.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	return syscall3(__NR_poll, fds, nfds, timeout_ms);
}

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout)
{
	return syscall5(__NR__newselect, nfds, readfds, writefds, exceptfds,
			timeout);
}
