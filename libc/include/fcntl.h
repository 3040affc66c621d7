/* open() and fcntl() (flags and commands from <asm/fcntl.h>). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <asm/fcntl.h>
#include <linux/fs.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags,
	   ...); /* dirfd: AT_FDCWD or a directory */
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
