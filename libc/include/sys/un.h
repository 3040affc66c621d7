/* AF_UNIX socket addresses: struct sockaddr_un from <linux/un.h>. */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/un.h>

/* The length of a path address without its final NUL (as glibc's). */
#define SUN_LEN(addr) \
	(offsetof(struct sockaddr_un, sun_path) + strlen((addr)->sun_path))

#endif
