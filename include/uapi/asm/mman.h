/* mmap2(192), munmap(91), mprotect(125): protections and flags (Linux:
 * include/uapi/asm-generic/mman-common.h; MAP_SHARED and MAP_PRIVATE are in linux/mman.h).
 * MenuOS maps anonymous memory and private copies of files. */
#ifndef _UAPI_ASM_MMAN_H
#define _UAPI_ASM_MMAN_H

#define PROT_NONE  0x0
#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4

#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20

#endif
