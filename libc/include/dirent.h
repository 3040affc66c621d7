/* Reading directories: opendir/readdir/closedir over getdents64(220). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <limits.h>
#include <linux/dirent.h>

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type; /* DT_* */
	char d_name[NAME_MAX + 1];
};

typedef struct __DIR DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);
int getdents64(int fd, void *buf, size_t size);

#endif
