/* lwIP's compiler and platform port (arch/cc.h): how lwIP prints, fails, finds fixed-size
 * types and random numbers inside the MenuOS kernel. lwIP includes this from lwip/arch.h. */
#ifndef _LWIP_ARCH_CC_H
#define _LWIP_ARCH_CC_H

#include <menuos/kernel.h>

/* The kernel is built with -nostdinc: gcc's own <stddef.h>/<stdint.h> are there (-isystem),
 * but <limits.h> lives in gcc's include-fixed and wants a C library's, and there is no
 * <inttypes.h>, <ctype.h> or <unistd.h>. lwIP then uses its own ctype macros. */
#define LWIP_NO_INTTYPES_H 1
#define LWIP_NO_LIMITS_H   1
#define LWIP_NO_CTYPE_H	   1
#define LWIP_NO_UNISTD_H   1
/* Without <limits.h> lwIP would typedef ssize_t as int, which clashes with the kernel's
 * `long` (menuos/kernel.h) in files that include both: say it exists. */
#define SSIZE_MAX 0x7fffffffL

#define BYTE_ORDER LITTLE_ENDIAN

/* printf formats for lwIP's debug and statistics output; printk knows d, u, x and 'z'.
 * u16_t/s16_t are promoted to int through varargs. */
#define X8_F  "02x"
#define U16_F "u"
#define S16_F "d"
#define X16_F "x"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "zu"

/* Both must be defined, or lwIP includes <stdio.h> for printf and abort. */
#define LWIP_PLATFORM_DIAG(x) \
	do {                  \
		printk x;     \
	} while (0)
#define LWIP_PLATFORM_ASSERT(x) \
	panic("lwIP assertion \"%s\" failed at %s:%d", x, __FILE__, __LINE__)

/* Local ports, initial sequence numbers: not cryptographic, just varying (sys_arch.c). */
uint32_t lwip_port_rand(void);
#define LWIP_RAND() lwip_port_rand()

/* What SYS_ARCH_PROTECT saves: the EFLAGS of local_irq_save (sys_arch.c). */
typedef unsigned long sys_prot_t;

#endif
