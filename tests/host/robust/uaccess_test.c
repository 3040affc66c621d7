/*
 * kernel/uaccess.c on the host: the checks that keep every syscall's user
 * pointer in user memory. Ranges that end exactly at a page, cross into an
 * unmapped or read-only page, reach TASK_SIZE (0xc0000000) or wrap around
 * 4 GiB; strings without an end; the stack growing on demand.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define EFAULT_	      14
#define ENAMETOOLONG_ 36
#define R1	      0x70000000ul /* two writable pages */
#define RO	      0x70010000ul /* one read-only page */
#define TOP	      0xbfffe000ul /* the last two pages below TASK_SIZE */

static int failures;

#define EXPECT(name, cond, ...)                      \
	do {                                         \
		if (!(cond)) {                       \
			printf("%s FAILED: ", name); \
			printf(__VA_ARGS__);         \
			printf("\n");                \
			failures++;                  \
			return;                      \
		}                                    \
	} while (0)

static void test_ranges(void)
{
	static const struct {
		unsigned long addr, n;
		int write, want;
	} cases[] = {
		{ R1, 0x2000, 0, 1 },
		{ R1, 0x2000, 1, 1 },
		{ R1, 0x2001, 0, 0 }, /* one byte into the unmapped page */
		{ R1 + 0x1fff, 1, 1, 1 },
		{ R1 - 1, 2, 0, 0 }, /* starts in the unmapped page below */
		{ RO, 0x1000, 0, 1 },
		{ RO, 1, 1, 0 }, /* read-only: no copy_to_user */
		{ RO + 0xfff, 1, 1, 0 },
		{ TOP, 0x2000, 1, 1 },
		{ 0xbfffffff, 1, 0, 1 },
		{ 0xbfffffff, 2, 0, 0 }, /* into the kernel */
		{ 0xc0000000, 1, 0, 0 },
		{ 0xc0100000, 16, 0, 0 },
		{ 0xffffffff, 1, 0, 0 },
		{ 0xfffffff0, 0x20, 0, 0 }, /* wraps to 0x10 */
		{ R1, 0xffffffff, 0, 0 }, /* wraps */
		{ R1, 0x90000000, 0, 0 }, /* ends exactly at 4 GiB (0) */
		{ 0, 1, 0, 0 },
		{ 0xc0000000, 0, 0, 1 }, /* nothing to copy: fine anywhere */
	};
	const char *name = "uaccess_access_ok_ranges";

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = host_access_ok(cases[i].addr, cases[i].n,
					 cases[i].write);
		EXPECT(name, got == cases[i].want,
		       "access_ok(%#lx, %#lx, %s): expected %d, got %d",
		       cases[i].addr, cases[i].n,
		       cases[i].write ? "write" : "read", cases[i].want, got);
	}
	printf("%s ok\n", name);
}

/* A copy that fails copies nothing, in either direction. */
static void test_copies(void)
{
	const char *name = "uaccess_copy_all_or_nothing";
	unsigned char buf[64];
	int ret;

	memset((void *)R1, 0x11, 0x2000);
	memset(buf, 0xaa, sizeof(buf));
	ret = host_copy_from_user(buf, R1 + 0x1ff0, 0x20);
	EXPECT(name, ret == -EFAULT_,
	       "copy_from_user across the end: "
	       "expected -EFAULT, got %d",
	       ret);
	EXPECT(name, buf[0] == 0xaa && buf[31] == 0xaa,
	       "expected nothing copied after EFAULT");
	ret = host_copy_from_user(buf, R1 + 0x1fe0, 0x20);
	EXPECT(name, ret == 0 && buf[0] == 0x11 && buf[31] == 0x11,
	       "copy_from_user up to the end: expected 0 and the bytes, got %d",
	       ret);
	memset((void *)RO, 0x22, 0x1000);
	memset(buf, 0x33, sizeof(buf));
	ret = host_copy_to_user(RO + 8, buf, 8);
	EXPECT(name, ret == -EFAULT_ && ((unsigned char *)RO)[8] == 0x22,
	       "copy_to_user to a read-only page: expected -EFAULT and the "
	       "page unchanged, got %d",
	       ret);
	ret = host_copy_to_user(0xbffffff8, buf, 16);
	EXPECT(name,
	       ret == -EFAULT_ && ((unsigned char *)0xbffffff8)[0] != 0x33,
	       "copy_to_user across TASK_SIZE: expected -EFAULT and nothing "
	       "written, got %d",
	       ret);
	printf("%s ok\n", name);
}

static void test_strings(void)
{
	const char *name = "uaccess_strncpy_from_user";
	char dst[64];
	long ret;

	strcpy((char *)R1 + 0xffd, "hello"); /* crosses a page */
	ret = host_strncpy_from_user(dst, R1 + 0xffd, sizeof(dst));
	EXPECT(name, ret == 5 && !strcmp(dst, "hello"),
	       "a string across pages: expected 5, got %ld", ret);
	ret = host_strncpy_from_user(dst, R1 + 0xffd, 5);
	EXPECT(name, ret == -ENAMETOOLONG_,
	       "no NUL within max: expected -ENAMETOOLONG, got %ld", ret);
	memset((void *)(R1 + 0x1ff0), 'x', 16); /* runs off the mapping */
	ret = host_strncpy_from_user(dst, R1 + 0x1ff0, sizeof(dst));
	EXPECT(name, ret == -EFAULT_,
	       "no NUL before unmapped memory: expected -EFAULT, got %ld", ret);
	memset((void *)0xbffffff8, 'k', 8); /* runs into the kernel */
	ret = host_strncpy_from_user(dst, 0xbffffff8, sizeof(dst));
	EXPECT(name, ret == -EFAULT_,
	       "no NUL before TASK_SIZE: expected -EFAULT, got %ld", ret);
	ret = host_strncpy_from_user(dst, 0xc0100000, sizeof(dst));
	EXPECT(name, ret == -EFAULT_,
	       "a kernel address: expected -EFAULT, got %ld", ret);
	printf("%s ok\n", name);
}

/* The stack grows to a fault just below it, down to 8 MiB. */
static void test_stack_growth(void)
{
	const char *name = "uaccess_stack_growth";

	host_set_stack_low(TOP);
	EXPECT(name, host_access_ok(TOP - 0x3000, 16, 1) == 1,
	       "expected a range just below the stack to grow it");
	EXPECT(name, host_access_ok(0xbf7ff000, 16, 1) == 0,
	       "expected no growth below 8 MiB under TASK_SIZE");
	printf("%s ok\n", name);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (host_map_user(R1, 0x2000, 1) || host_map_user(RO, 0x1000, 0) ||
	    host_map_user(TOP, 0x2000, 1) ||
	    host_map_user(TOP - 0x10000, 0x10000, -1)) {
		printf("uaccess_setup FAILED: cannot map the test's pages\n");
		return 1;
	}
	test_ranges();
	test_copies();
	test_strings();
	test_stack_growth();
	return failures != 0;
}
