/* Directory entries as getdents64(220) packs them (Linux: include/linux/dirent.h;
 * the DT_ values are Linux's, from include/linux/fs_types.h). */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off; /* opaque position of the next entry */
	unsigned short d_reclen; /* size of this record, 8-byte multiple */
	unsigned char d_type; /* DT_* */
	char d_name[]; /* NUL-terminated */
};

#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10
#define DT_SOCK	   12

#endif
