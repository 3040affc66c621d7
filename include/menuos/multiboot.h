/* The parts of the Multiboot v1 information structure MenuOS reads. */
#ifndef _MENUOS_MULTIBOOT_H
#define _MENUOS_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MULTIBOOT_INFO_MEMORY		0x001
#define MULTIBOOT_INFO_CMDLINE		0x004
#define MULTIBOOT_INFO_MODS		0x008
#define MULTIBOOT_INFO_MEM_MAP		0x040
#define MULTIBOOT_INFO_BOOT_LOADER_NAME 0x200

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper; /* KiB below 1 MiB and above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
} __attribute__((packed));

struct multiboot_mmap_entry {
	uint32_t size; /* of the rest of this entry */
	uint64_t addr, len;
	uint32_t type; /* 1 = available RAM */
} __attribute__((packed));

struct multiboot_mod_list {
	uint32_t mod_start, mod_end; /* physical, end exclusive */
	uint32_t cmdline;
	uint32_t pad;
} __attribute__((packed));

#endif
