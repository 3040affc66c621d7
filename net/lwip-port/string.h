/* lwIP's core includes <string.h> for memcpy, memset, memmove, memcmp, strlen and strncmp;
 * the kernel (-nostdinc) has no C library: they come from kernel/lib.c. */
#include <menuos/kernel.h>
