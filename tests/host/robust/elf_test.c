/*
 * kernel/exec.c's load_elf_binary on the host, under AddressSanitizer and
 * UBSan: a well-formed image loads where it says with the right bytes and
 * page rights; every header check refuses what it should (-ENOEXEC);
 * segments that wrap, reach the kernel or page 0 are refused; a segment
 * too big for memory is -ENOMEM; every truncation and many random
 * mutations of real programs (build/bin) never read past the image.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define ENOEXEC_   8
#define TASK_SIZE_ 0xc0000000ul

struct ehdr {
	unsigned char ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int failures;

#define FAIL(name, ...)                      \
	do {                                 \
		printf("%s FAILED: ", name); \
		printf(__VA_ARGS__);         \
		printf("\n");                \
		failures++;                  \
		return;                      \
	} while (0)

/* A small valid program: text (r-x) at 0x08048000 with the headers in it,
 * data (rw-) at 0x08049100 with 0x20 bytes in the file and 0x2000 in
 * memory; the file ends with the data. */
#define IMAGE_SIZE 0x120
static unsigned char image[IMAGE_SIZE];

static void make_image(void)
{
	struct ehdr *e = (struct ehdr *)image;
	struct phdr *p = (struct phdr *)(image + sizeof(*e));

	memset(image, 0, sizeof(image));
	for (int i = 0; i < IMAGE_SIZE; i++)
		image[i] = (unsigned char)(i * 7 + 1);
	memset(e, 0, sizeof(*e) + 2 * sizeof(*p));
	memcpy(e->ident,
	       "\x7f"
	       "ELF\x01\x01\x01",
	       7);
	e->type = 2;
	e->machine = 3;
	e->version = 1;
	e->entry = 0x08048080;
	e->phoff = sizeof(*e);
	e->ehsize = sizeof(*e);
	e->phentsize = sizeof(*p);
	e->phnum = 2;
	p[0] = (struct phdr){ 1,     0,	    0x08048000, 0x08048000,
			      0x100, 0x100, 5,		0x1000 };
	p[1] = (struct phdr){ 1,    0x100,  0x08049100, 0x08049100,
			      0x20, 0x2000, 6,		0x1000 };
}

/* Loads a copy of exactly size bytes (so any read past it is caught). */
static void load(const unsigned char *data, unsigned long size,
		 unsigned long max_pages, struct host_elf *r)
{
	unsigned char *copy = malloc(size ? size : 1);

	memcpy(copy, data, size);
	host_load_elf(copy, size, max_pages, r);
	free(copy);
}

static void test_valid_image(void)
{
	const char *name = "elf_valid_image";
	unsigned char got[IMAGE_SIZE];
	struct host_elf r;

	make_image();
	load(image, sizeof(image), 64, &r);
	if (r.err)
		FAIL(name, "expected it to load, got %d", r.err);
	if (r.entry != 0x08048080 || r.phnum != 2 ||
	    r.phdr != 0x08048000 + sizeof(struct ehdr) ||
	    r.start_code != 0x08048000 || r.start_brk != 0x0804c000 ||
	    r.brk != 0x0804c000)
		FAIL(name,
		     "expected entry 0x8048080, phdr 0x8048034, 2 headers, "
		     "code at 0x8048000, brk 0x804c000; got %#lx %#lx %d %#lx "
		     "%#lx",
		     r.entry, r.phdr, r.phnum, r.start_code, r.brk);
	if (host_read_user(0x08048000, got, 0x100) || memcmp(got, image, 0x100))
		FAIL(name, "expected the text's bytes at 0x8048000");
	if (host_read_user(0x08049100, got, 0x20) ||
	    memcmp(got, image + 0x100, 0x20))
		FAIL(name, "expected the data's bytes at 0x8049100");
	for (unsigned long a = 0x08049120; a < 0x0804b100; a += 97) {
		unsigned char b;
		if (host_read_user(a, &b, 1) || b)
			FAIL(name, "expected bss zeroed at %#lx", a);
	}
	if (host_page_flags(0x08048000) & 2)
		FAIL(name, "expected the text read-only");
	if (!(host_page_flags(0x0804a000) & 2))
		FAIL(name, "expected the data writable");
	if (host_page_flags(0x0804c000) != -1 ||
	    host_page_flags(0x08047000) != -1)
		FAIL(name, "expected nothing mapped around the program");
	printf("%s ok\n", name);
}

/* One header field broken at a time: each must be refused. */
static void test_header_checks(void)
{
	static const struct {
		const char *what;
		int offset, size;
		uint32_t value;
		int want;
	} cases[] = {
		{ "magic", 0, 1, 0x7e, -ENOEXEC_ },
		{ "magic E", 1, 1, 'e', -ENOEXEC_ },
		{ "class 64-bit", 4, 1, 2, -ENOEXEC_ },
		{ "class none", 4, 1, 0, -ENOEXEC_ },
		{ "type ET_DYN", 16, 2, 3, -ENOEXEC_ },
		{ "type ET_REL", 16, 2, 1, -ENOEXEC_ },
		{ "machine x86-64", 18, 2, 62, -ENOEXEC_ },
		{ "machine 0", 18, 2, 0, -ENOEXEC_ },
		{ "phentsize 0", 42, 2, 0, -ENOEXEC_ },
		{ "phentsize 56", 42, 2, 56, -ENOEXEC_ },
		{ "phoff past the end", 28, 4, IMAGE_SIZE + 1, -ENOEXEC_ },
		{ "phoff huge", 28, 4, 0xfffffff0, -ENOEXEC_ },
		{ "phnum past the end", 44, 2, 9, -ENOEXEC_ },
		{ "phnum 65535", 44, 2, 65535, -ENOEXEC_ },
		{ "no program header", 44, 2, 0, -ENOEXEC_ },
		/* the second program header (at 52 + 32) */
		{ "filesz > memsz", 84 + 16, 4, 0x3000, -ENOEXEC_ },
		{ "offset past the end", 84 + 4, 4, IMAGE_SIZE + 1, -ENOEXEC_ },
		{ "filesz past the end", 84 + 16, 4, 0x21, -ENOEXEC_ },
		{ "vaddr 0", 84 + 8, 4, 0, -ENOEXEC_ },
		{ "vaddr in page 0", 84 + 8, 4, 0xf00, -ENOEXEC_ },
		{ "vaddr below mmap_min_addr", 84 + 8, 4, 0xf000, -ENOEXEC_ },
		{ "vaddr at mmap_min_addr", 84 + 8, 4, 0x10000, 0 },
		{ "vaddr in the kernel", 84 + 8, 4, 0xc0000000, -ENOEXEC_ },
		{ "vaddr + memsz past TASK_SIZE", 84 + 8, 4, 0xbffff000,
		  -ENOEXEC_ },
		{ "vaddr + memsz wraps", 84 + 8, 4, 0xfffff000, -ENOEXEC_ },
		{ "memsz wraps", 84 + 20, 4, 0xffffff00, -ENOEXEC_ },
		/* not PT_LOAD: skipped, the text alone still loads */
		{ "second header PT_NOTE", 84, 4, 4, 0 },
		{ "memsz 0: skipped", 84 + 20, 4, 0, -ENOEXEC_ },
	};
	const char *name = "elf_header_checks";

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct host_elf r;
		uint32_t v = cases[i].value;

		make_image();
		if (!strcmp(cases[i].what, "memsz 0: skipped")) {
			/* both segments empty: nothing to load */
			memset(image + 52 + 20, 0, 4);
			memset(image + 52 + 16, 0, 4);
			memset(image + 84 + 16, 0, 4);
		}
		memcpy(image + cases[i].offset, &v, cases[i].size);
		load(image, sizeof(image), 64, &r);
		if (r.err != cases[i].want)
			FAIL(name, "%s: expected %d, got %d", cases[i].what,
			     cases[i].want, r.err);
	}
	printf("%s ok\n", name);
}

/* Memory runs out in the middle of a segment: -ENOMEM, nothing else. */
static void test_too_big(void)
{
	const char *name = "elf_segment_bigger_than_memory";
	struct host_elf r;
	uint32_t memsz = 0x40000000;

	make_image();
	memcpy(image + 84 + 20, &memsz, 4);
	load(image, sizeof(image), 256, &r);
	if (r.err != -12)
		FAIL(name, "expected -ENOMEM with 256 pages, got %d", r.err);
	if (host_pages_used() > 256)
		FAIL(name, "expected at most 256 pages used, got %lu",
		     host_pages_used());
	printf("%s ok\n", name);
}

/* Every prefix of the image is refused, never read past. */
static void test_truncated(void)
{
	const char *name = "elf_truncated";
	struct host_elf r;

	make_image();
	for (unsigned long n = 0; n < sizeof(image); n++) {
		load(image, n, 64, &r);
		if (r.err != -ENOEXEC_)
			FAIL(name,
			     "expected %lu of %u bytes to be refused (-ENOEXEC), "
			     "got %d",
			     n, IMAGE_SIZE, r.err);
	}
	printf("%s ok\n", name);
}

/* An odd e_phoff: load_elf_binary once read the program headers in place,
 * a misaligned struct access (undefined behaviour, which UBSan reports
 * here); it must copy them out. */
static void test_misaligned_phoff(void)
{
	const char *name = "elf_misaligned_phoff";
	static unsigned char moved[IMAGE_SIZE + 1];
	struct host_elf r;
	uint32_t phoff = 53;

	make_image();
	memcpy(moved, image, 52);
	memcpy(moved + 53, image + 52, IMAGE_SIZE - 52);
	memcpy(moved + 28, &phoff, 4);
	load(moved, sizeof(moved), 64, &r); /* UBSan stops here if the bug is */
	printf("%s ok\n", name);
}

static unsigned char *read_file(const char *path, unsigned long *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc(n > 0 ? n : 1);
	if (fread(data, 1, n, f) != (size_t)n) {
		free(data);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*size = n;
	return data;
}

static uint32_t rnd_state = 777;

static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

/* After a load that worked: every promise load_elf_binary makes. */
static const char *broken_promise(const struct host_elf *r)
{
	if (r->start_brk & 0xfff || r->brk != r->start_brk)
		return "brk not page-aligned";
	if (r->start_code < 0x10000 || r->start_code >= r->start_brk ||
	    r->start_brk > TASK_SIZE_)
		return "the program outside [mmap_min_addr, TASK_SIZE)";
	return NULL;
}

/* The real programs of /bin load, and so do (or are refused) thousands of
 * mutations of their first 4 KiB. */
static void test_real_programs(void)
{
	const char *name = "elf_real_programs_and_mutations";
	DIR *d = opendir("../bin");
	struct dirent *de;
	int programs = 0;

	if (!d) {
		printf("%s ok (skipped: no build/bin)\n", name);
		return;
	}
	while ((de = readdir(d))) {
		char path[300];
		unsigned long size;
		unsigned char *data;
		struct host_elf r;
		const char *why;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "../bin/%s", de->d_name);
		data = read_file(path, &size);
		if (!data)
			continue;
		programs++;
		load(data, size, 4000, &r);
		if (r.err || (why = broken_promise(&r))) {
			free(data);
			FAIL(name, "%s: expected it to load, got %d", path,
			     r.err);
		}
		for (int m = 0; m < 400; m++) {
			unsigned char *copy = malloc(size);
			unsigned long limit = size < 4096 ? size : 4096;
			int n = 1 + (int)(rnd() % 4);

			memcpy(copy, data, size);
			for (int k = 0; k < n; k++) {
				unsigned long at = rnd() % limit;
				switch (rnd() % 3) {
				case 0:
					copy[at] = (unsigned char)rnd();
					break;
				case 1:
					copy[at] ^=
						(unsigned char)(1
								<< (rnd() % 8));
					break;
				default: /* a whole word: offsets, sizes */
					if (at + 4 <= limit) {
						uint32_t v = rnd();
						memcpy(copy + at, &v, 4);
					}
				}
			}
			host_load_elf(copy, size, 4000, &r);
			free(copy);
			if (r.err == 0 && (why = broken_promise(&r))) {
				free(data);
				FAIL(name, "%s mutation %d: loaded with %s",
				     path, m, why);
			}
		}
		free(data);
	}
	closedir(d);
	if (!programs)
		printf("%s ok (skipped: no programs in build/bin)\n", name);
	else
		printf("%s ok (%d programs)\n", name, programs);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_valid_image();
	test_header_checks();
	test_too_big();
	test_truncated();
	test_misaligned_phoff();
	test_real_programs();
	return failures != 0;
}
