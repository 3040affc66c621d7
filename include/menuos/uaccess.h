/* The only way the kernel touches user memory: every byte of the range must be below
 * TASK_SIZE and mapped for ring 3 (writable, for copy_to_user), else -EFAULT. */
#ifndef _MENUOS_UACCESS_H
#define _MENUOS_UACCESS_H

#include <menuos/kernel.h>

/* 0, or -EFAULT (nothing copied in that case) */
int copy_from_user(void *to, const void *ufrom, size_t n);
int copy_to_user(void *uto, const void *from, size_t n);
/* length copied (without the NUL), -EFAULT, or -ENAMETOOLONG when no NUL within max */
long strncpy_from_user(char *dst, const char *usrc, long max);
int access_ok(const void *uaddr, size_t n, int write);

#define get_user(x, uptr) copy_from_user(&(x), (uptr), sizeof(*(uptr)))
#define put_user(x, uptr)                                \
	({                                               \
		__typeof__(*(uptr)) __v = (x);           \
		copy_to_user((uptr), &__v, sizeof(__v)); \
	})

#endif
