/* mmap's sharing types (Linux: include/uapi/linux/mman.h); the rest is in asm/mman.h. */
#ifndef _UAPI_LINUX_MMAN_H
#define _UAPI_LINUX_MMAN_H

#include <asm/mman.h>

#define MAP_SHARED  0x01
#define MAP_PRIVATE 0x02

#endif
