/* Thin wrappers for the file descriptor and process system calls. */
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"

ssize_t read(int fd, void *buf, size_t count)
{
	return syscall3(__NR_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return syscall3(__NR_write, fd, buf, count);
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return syscall3(__NR_readv, fd, iov, iovcnt);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return syscall3(__NR_writev, fd, iov, iovcnt);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return syscall3(__NR_open, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return syscall4(__NR_openat, dirfd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int close(int fd)
{
	return syscall1(__NR_close, fd);
}

off_t lseek(int fd, off_t offset, int whence)
{
	return syscall3(__NR_lseek, fd, offset, whence);
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	/* every command we know takes an int or nothing */
	arg = va_arg(ap, long);
	va_end(ap);
	return syscall3(__NR_fcntl, fd, cmd, arg);
}

int dup(int fd)
{
	return syscall1(__NR_dup, fd);
}

int dup2(int oldfd, int newfd)
{
	return syscall2(__NR_dup2, oldfd, newfd);
}

int dup3(int oldfd, int newfd, int flags)
{
	return syscall3(__NR_dup3, oldfd, newfd, flags);
}

int pipe(int fds[2])
{
	return syscall1(__NR_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return syscall2(__NR_pipe2, fds, flags);
}

int unlink(const char *path)
{
	return syscall1(__NR_unlink, path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return syscall3(__NR_unlinkat, dirfd, path, flags);
}

int rmdir(const char *path)
{
	return syscall1(__NR_rmdir, path);
}

int access(const char *path, int mode)
{
	return syscall2(__NR_access, path, mode);
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags) { /* AT_EACCESS and friends need faccessat2, which MenuOS has not */
		errno = EINVAL;
		return -1;
	}
	return syscall3(__NR_faccessat, dirfd, path, mode);
}

int chdir(const char *path)
{
	return syscall1(__NR_chdir, path);
}

/* Linux's getcwd returns the length (with the NUL), libc returns buf.
 * getcwd(NULL, 0) allocates the buffer, as glibc's does. */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (!buf) {
		size = size ? size : PATH_MAX;
		buf = mine = malloc(size);
		if (!buf)
			return NULL;
	}
	if (syscall2(__NR_getcwd, buf, size) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return syscall3(__NR_readlink, path, buf, size);
}

pid_t fork(void)
{
	return syscall0(__NR_fork);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall3(__NR_execve, path, argv, envp);
}

pid_t getpid(void)
{
	return syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return syscall0(__NR_getppid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return syscall2(__NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return syscall1(__NR_getpgid, pid);
}

pid_t getpgrp(void)
{
	return syscall0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return syscall0(__NR_setsid);
}

uid_t getuid(void)
{
	return syscall0(__NR_getuid);
}

uid_t geteuid(void)
{
	return syscall0(__NR_geteuid);
}

gid_t getgid(void)
{
	return syscall0(__NR_getgid);
}

gid_t getegid(void)
{
	return syscall0(__NR_getegid);
}

unsigned int alarm(unsigned int seconds)
{
	return syscall1(__NR_alarm, seconds);
}

int pause(void)
{
	return syscall0(__NR_pause);
}
