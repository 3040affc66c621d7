/* open() flags and fcntl() commands of Linux i386
 * (Linux: include/uapi/asm-generic/fcntl.h; AT_FDCWD from linux/fcntl.h). */
#ifndef _UAPI_ASM_FCNTL_H
#define _UAPI_ASM_FCNTL_H

#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR	    00000002
#define O_CREAT	    00000100
#define O_EXCL	    00000200
#define O_NOCTTY    00000400
#define O_TRUNC	    00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_NDELAY    O_NONBLOCK
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_CLOEXEC   02000000

#define F_DUPFD		0 /* dup to the lowest fd >= arg */
#define F_GETFD		1 /* get FD_CLOEXEC */
#define F_SETFD		2 /* set FD_CLOEXEC */
#define F_GETFL		3 /* get file->f_flags */
#define F_SETFL		4 /* set O_APPEND / O_NONBLOCK */
#define F_DUPFD_CLOEXEC 1030 /* F_LINUX_SPECIFIC_BASE + 6 */

#define FD_CLOEXEC 1

#define AT_FDCWD -100 /* *at() calls: relative to the cwd */

#endif
