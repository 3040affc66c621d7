/* poll(): wait for events on several fds (struct pollfd from <asm/poll.h>). */
#ifndef _POLL_H
#define _POLL_H

#include <asm/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);

#endif
