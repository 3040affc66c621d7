/*
 * mem: user memory. malloc hands out blocks that keep their contents, a
 * 4 MiB block grows the heap (brk), the stack grows on demand to 1 MiB, and
 * touching memory a program must not (NULL, its own read-only text) ends it
 * with SIGSEGV.
 */
#include "usertests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BLOCKS 1000
#define MIB    (1024 * 1024)

int main(int argc, char **argv); /* an address in our read-only text */

/* Mostly small (1..2000 bytes); every hundredth one about 20 KiB. */
static size_t block_size(int i)
{
	if (i % 100 == 99)
		return 20000 + i;
	return (i * 37) % 2000 + 1;
}

static unsigned char block_byte(int i, size_t offset)
{
	return (unsigned char)(i * 13 + offset);
}

static void fill_block(unsigned char *p, int i)
{
	size_t j;

	for (j = 0; j < block_size(i); j++)
		p[j] = block_byte(i, j);
}

/* Returns the first offset that lost its value, or -1. */
static long check_block(const unsigned char *p, int i)
{
	size_t j;

	for (j = 0; j < block_size(i); j++)
		if (p[j] != block_byte(i, j))
			return j;
	return -1;
}

/* 1000 blocks of many sizes; free half, allocate again, check the rest. */
static void malloc_many_blocks(void)
{
	static unsigned char *blocks[BLOCKS];
	long bad;
	int i;

	for (i = 0; i < BLOCKS; i++) {
		blocks[i] = malloc(block_size(i));
		EXPECT(blocks[i] != NULL,
		       "expected block %d of %lu bytes, got NULL", i,
		       (unsigned long)block_size(i));
		fill_block(blocks[i], i);
	}
	for (i = 1; i < BLOCKS; i += 2)
		free(blocks[i]);
	for (i = 1; i < BLOCKS; i += 2) {
		blocks[i] = malloc(block_size(i));
		EXPECT(blocks[i] != NULL, "expected block %d again, got NULL",
		       i);
		fill_block(blocks[i], i);
	}
	for (i = 0; i < BLOCKS; i++) {
		bad = check_block(blocks[i], i);
		EXPECT(bad < 0,
		       "expected block %d intact, got a change at byte %ld", i,
		       bad);
	}
	for (i = 0; i < BLOCKS; i++)
		free(blocks[i]);
}

static void malloc_4mib(void)
{
	size_t words = 4 * MIB / sizeof(unsigned), i;
	unsigned *p = malloc(4 * MIB);

	EXPECT(p != NULL, "expected 4 MiB, got NULL");
	for (i = 0; i < words; i++)
		p[i] = i * 2654435761u;
	for (i = 0; i < words; i++)
		EXPECT(p[i] == i * 2654435761u,
		       "expected word %lu to keep its value, got 0x%x",
		       (unsigned long)i, p[i]);
	free(p);
}

static void calloc_realloc(void)
{
	unsigned char *p = calloc(1000, 4), *bigger;
	int i;

	EXPECT(p != NULL, "expected calloc to work, got NULL");
	for (i = 0; i < 4000; i++)
		EXPECT(p[i] == 0, "expected zeros from calloc, got 0x%x at %d",
		       p[i], i);
	memset(p, 0xab, 4000);
	bigger = realloc(p, 100000);
	EXPECT(bigger != NULL, "expected realloc to work, got NULL");
	for (i = 0; i < 4000; i++)
		EXPECT(bigger[i] == 0xab,
		       "expected realloc to keep byte %d, got 0x%x", i,
		       bigger[i]);
	free(bigger);
}

/* The kernel writes (read) into heap pages no one has touched yet. */
static void read_into_fresh_heap(void)
{
	unsigned char *fresh = sbrk(64 * 1024);
	int fd = open("/dev/zero", O_RDONLY), i;

	EXPECT(fresh != (void *)-1, "expected sbrk to work, got %s",
	       errno_name(errno));
	EXPECT_OK(LIBC(fd));
	EXPECT_RET(64 * 1024, LIBC(read(fd, fresh, 64 * 1024)));
	for (i = 0; i < 64 * 1024; i++)
		EXPECT(fresh[i] == 0, "expected zeros, got 0x%x at %d",
		       fresh[i], i);
}

/* The kernel writes into a stack buffer far below the stack's pages so
 * far: the stack must grow for it as for the program's own writes. */
static int read_into_deep_stack(void *unused)
{
	unsigned char deep[256 * 1024];
	int fd = open("/dev/zero", O_RDONLY);

	(void)unused;
	if (read(fd, deep, sizeof(deep)) != sizeof(deep))
		return 1;
	return deep[0] + deep[sizeof(deep) - 1];
}

static void read_into_fresh_stack(void)
{
	EXPECT_EXITED(run_child(read_into_deep_stack, NULL), 0);
}

/* 1 KiB per call, and the addition after the call keeps it from being
 * turned into a loop. */
static int recurse(int depth)
{
	volatile char frame[1024];

	frame[0] = (char)depth;
	frame[sizeof(frame) - 1] = 1;
	if (depth == 0)
		return 0;
	return recurse(depth - 1) + frame[sizeof(frame) - 1];
}

static int use_1mib_of_stack(void *unused)
{
	(void)unused;
	return recurse(1100) == 1100 ? 0 : 1;
}

static void stack_grows_1mib(void)
{
	EXPECT_EXITED(run_child(use_1mib_of_stack, NULL), 0);
}

static int read_null(void *unused)
{
	(void)unused;
	/* cppcheck-suppress nullPointer ; on purpose */
	return *(volatile int *)0;
}

static int write_text(void *unused)
{
	(void)unused;
	*(volatile unsigned char *)main = 0xc3;
	return 0;
}

static int write_string_literal(void *unused)
{
	/* cppcheck-suppress stringLiteralWrite ; on purpose */
	volatile char *literal = (volatile char *)"read-only";

	(void)unused;
	/* cppcheck-suppress stringLiteralWrite ; on purpose */
	literal[0] = 'R';
	return 0;
}

static void read_null_segv(void)
{
	EXPECT_SIGNALED(run_child(read_null, NULL), SIGSEGV);
}

static void write_text_segv(void)
{
	EXPECT_SIGNALED(run_child(write_text, NULL), SIGSEGV);
}

static void write_rodata_segv(void)
{
	EXPECT_SIGNALED(run_child(write_string_literal, NULL), SIGSEGV);
}

const struct test_case mem_tests[] = {
	{ "malloc_many_blocks", malloc_many_blocks },
	{ "malloc_4mib", malloc_4mib },
	{ "calloc_realloc", calloc_realloc },
	{ "read_into_fresh_heap", read_into_fresh_heap },
	{ "read_into_fresh_stack", read_into_fresh_stack },
	{ "stack_grows_1mib", stack_grows_1mib },
	{ "read_null_segv", read_null_segv },
	{ "write_text_segv", write_text_segv },
	{ "write_rodata_segv", write_rodata_segv },
	{ 0, 0 },
};
