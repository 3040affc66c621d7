/* poll(168) events and struct pollfd (Linux: include/uapi/asm-generic/poll.h). */
#ifndef _UAPI_ASM_POLL_H
#define _UAPI_ASM_POLL_H

#define POLLIN	   0x0001 /* data to read */
#define POLLPRI	   0x0002 /* urgent data */
#define POLLOUT	   0x0004 /* writing will not block */
#define POLLERR	   0x0008
#define POLLHUP	   0x0010 /* peer closed */
#define POLLNVAL   0x0020 /* fd not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLRDHUP  0x2000

struct pollfd {
	int fd;
	short events;
	short revents;
};

#endif
