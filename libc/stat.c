/* File metadata: stat, lstat, fstat, and mkdir. */
#include <sys/stat.h>
#include "syscall.h"

int stat(const char *path, struct stat *st)
{
	return syscall2(__NR_stat, path, st);
}

int lstat(const char *path, struct stat *st)
{
	return syscall2(__NR_lstat, path, st);
}

int fstat(int fd, struct stat *st)
{
	return syscall2(__NR_fstat, fd, st);
}

int mkdir(const char *path, mode_t mode)
{
	return syscall2(__NR_mkdir, path, mode);
}
