/*
 * libFuzzer target: kernel/exec.c's load_elf_binary (through the host
 * harness of tests/host/robust) on any bytes as an executable, in an
 * address space of at most 512 pages. AddressSanitizer catches a read past
 * the image or a write past a page; a load that works must keep its
 * promises (the program between mmap_min_addr, 64 KiB, and TASK_SIZE, brk page-aligned).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct host_elf r;

	host_load_elf(data, size, 512, &r);
	if (r.err == 0) {
		if ((r.start_brk & 0xfff) || r.brk != r.start_brk ||
		    r.start_code < 0x10000 || r.start_code >= r.start_brk ||
		    r.start_brk > 0xc0000000ul) {
			fprintf(stderr,
				"fuzz_elf: loaded with a broken promise: code "
				"%#lx brk %#lx\n",
				r.start_code, r.start_brk);
			abort();
		}
	}
	return 0;
}
