/* Tables the ABI check compares: one per side (our include/uapi, Linux's
 * kernel headers, glibc's headers), built by abi_ours.c, abi_linux.c and
 * abi_glibc.c from the same lists, so a name means the same thing in each. */
#ifndef ABI_H
#define ABI_H

struct abi_const {
	const char *name;
	const char *header; /* our header that defines it */
	long long value;
	int defined; /* 0: this side's headers do not define it */
};

struct abi_layout {
	const char
		*name; /* "struct stat.st_ino", or "struct stat" for the size */
	unsigned long offset;
	unsigned long size;
};

#define ABI_MAX 2048

/* Each fills t[] and returns the number of entries. */
int abi_ours_consts(struct abi_const *t);
int abi_linux_consts(struct abi_const *t);
int abi_glibc_consts(struct abi_const *t);
int abi_ours_layouts(struct abi_layout *t);
int abi_linux_layouts(struct abi_layout *t);
int abi_glibc_layouts(struct abi_layout *t);

#endif
