/*
 * kernel/exec.c on the host: its load_elf_binary is static, so this file
 * includes it whole, with the direct map (phys_to_virt) pointing into the
 * shim's arena, and exports a plain entry point for the tests.
 */
#include <menuos/fs.h>
#include <menuos/interrupt.h>
#include <menuos/mm.h>
#include <menuos/ptrace_k.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

#include "harness.h"

void *host_phys_to_virt(unsigned long phys);
unsigned long host_virt_to_phys(const void *virt);
void host_reset_pages(unsigned long max_pages);
#define phys_to_virt(p) host_phys_to_virt(p)
#define virt_to_phys(v) host_virt_to_phys(v)

#include "../../../kernel/exec.c"

static struct mm_struct *loaded;

void host_load_elf(const unsigned char *data, unsigned long size,
		   unsigned long max_pages, struct host_elf *out)
{
	unsigned long entry = 0, phdr = 0;
	int phnum = 0;

	if (loaded)
		mmput(loaded);
	host_reset_pages(max_pages);
	loaded = mm_alloc();
	memset(out, 0, sizeof(*out));
	if (!loaded) {
		out->err = -ENOMEM;
		return;
	}
	out->err = load_elf_binary(loaded, data, size, &entry, &phdr, &phnum);
	out->entry = entry;
	out->phdr = phdr;
	out->phnum = phnum;
	out->start_code = loaded->start_code;
	out->start_brk = loaded->start_brk;
	out->brk = loaded->brk;
}

int host_page_flags(unsigned long addr)
{
	uint32_t *pde, *pte;

	if (!loaded)
		return -1;
	pde = &loaded->pgd[addr >> 22];
	if (!(*pde & PTE_PRESENT) || (*pde & PDE_LARGE))
		return -1;
	pte = (uint32_t *)host_phys_to_virt(*pde & ~0xFFFu) +
	      ((addr >> PAGE_SHIFT) & 1023);
	return *pte & PTE_PRESENT ? (int)(*pte & 0xFFF) : -1;
}

int host_read_user(unsigned long addr, void *buf, unsigned long n)
{
	unsigned char *out = buf;

	while (n) {
		uint32_t *pde = &loaded->pgd[addr >> 22], *pte;
		unsigned long off = addr & (PAGE_SIZE - 1),
			      chunk = min(n, PAGE_SIZE - off);
		if (!(*pde & PTE_PRESENT) || (*pde & PDE_LARGE))
			return -1;
		pte = (uint32_t *)host_phys_to_virt(*pde & ~0xFFFu) +
		      ((addr >> PAGE_SHIFT) & 1023);
		if (!(*pte & PTE_PRESENT))
			return -1;
		memcpy(out,
		       (unsigned char *)host_phys_to_virt(*pte & ~0xFFFu) + off,
		       chunk);
		out += chunk;
		addr += chunk;
		n -= chunk;
	}
	return 0;
}
