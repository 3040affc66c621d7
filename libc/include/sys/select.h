/* select(): wait until one of several fds is ready. An fd_set holds
 * FD_SETSIZE bits, as Linux's. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>
#include <linux/time.h>

#define FD_SETSIZE 1024
#define __NFDBITS  (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define FD_ZERO(set)                                                        \
	do {                                                                \
		unsigned __i;                                               \
		for (__i = 0;                                               \
		     __i < sizeof((set)->fds_bits) / sizeof(unsigned long); \
		     __i++)                                                 \
			(set)->fds_bits[__i] = 0;                           \
	} while (0)
#define FD_SET(fd, set) \
	((set)->fds_bits[(fd) / __NFDBITS] |= 1UL << ((fd) % __NFDBITS))
#define FD_CLR(fd, set) \
	((set)->fds_bits[(fd) / __NFDBITS] &= ~(1UL << ((fd) % __NFDBITS)))
#define FD_ISSET(fd, set) \
	(((set)->fds_bits[(fd) / __NFDBITS] >> ((fd) % __NFDBITS)) & 1)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout);

#endif
