/* Reading directories: opendir/readdir/closedir over getdents64(220). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

struct __DIR {
	int fd;
	int pos; /* next record in buf */
	int len; /* bytes getdents64 put in buf */
	struct dirent entry; /* what readdir returns */
	char buf[2048];
};

int getdents64(int fd, void *buf, size_t size)
{
	return syscall3(__NR_getdents64, fd, buf, size);
}

DIR *opendir(const char *path)
{
	DIR *dir;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	dir = malloc(sizeof(*dir));
	if (!dir) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

/* NULL at the end (errno unchanged) or on an error (errno set). */
struct dirent *readdir(DIR *dir)
{
	struct linux_dirent64 *d;
	size_t namelen;
	int n;

	if (dir->pos >= dir->len) {
		n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));
		if (n <= 0)
			return NULL;
		dir->len = n;
		dir->pos = 0;
	}
	d = (struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	namelen = strnlen(d->d_name, NAME_MAX);
	dir->entry.d_ino = d->d_ino;
	dir->entry.d_off = d->d_off;
	dir->entry.d_reclen = sizeof(dir->entry);
	dir->entry.d_type = d->d_type;
	memcpy(dir->entry.d_name, d->d_name, namelen);
	dir->entry.d_name[namelen] = '\0';
	return &dir->entry;
}

int closedir(DIR *dir)
{
	int fd = dir->fd;

	free(dir);
	return close(fd);
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
