/* ioctl() (requests from <asm/ioctls.h> and, for sockets, <linux/sockios.h>, as glibc's
 * bits/ioctls.h; struct winsize from <asm/termbits.h>). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/sockios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
