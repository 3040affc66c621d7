/* Host test of libc's malloc: alignment, contents surviving other
 * allocations, realloc, calloc, coalescing of freed blocks, and a random
 * stress run that checks every live block's bytes. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static void test_basic(void)
{
	const char *n = "malloc/free/calloc/realloc basics";
	char *p, *q;
	int *z, i;

	p = malloc(10);
	EXPECT_TRUE(n, p != NULL);
	EXPECT_INT(n, 0, (uintptr_t)p % 16);
	strcpy(p, "123456789");
	q = malloc(100);
	EXPECT_INT(n, 0, (uintptr_t)q % 16);
	EXPECT_TRUE(n, q + 100 <= p || p + 10 <= q); /* no overlap */
	memset(q, 0xee, 100);
	EXPECT_STR(n, "123456789", p);
	p = realloc(p, 5000);
	EXPECT_STR(n, "123456789", p); /* moved with its contents */
	p = realloc(p, 4); /* shrinking keeps the block */
	EXPECT_TRUE(n, !memcmp(p, "1234", 4));
	free(p);
	free(q);
	free(NULL);
	z = calloc(1000, sizeof(int));
	EXPECT_TRUE(n, z != NULL);
	for (i = 0; i < 1000; i++)
		EXPECT_INT(n, 0, z[i]);
	free(z);
	p = malloc(0);
	EXPECT_TRUE(n, p != NULL);
	free(p);
	EXPECT_TRUE(n, malloc(0xfffffff0u) == NULL);
	EXPECT_INT(n, ENOMEM, errno);
	EXPECT_TRUE(n,
		    calloc(0x10000, 0x10000) == NULL); /* n * size overflows */
	EXPECT_TRUE(n, realloc(NULL, 8) != NULL);
	PASS(n);
}

/* After freeing many small neighbours, one big block fits in their space:
 * the heap must not grow. */
static void test_coalesce(void)
{
	const char *n = "free merges neighbours";
	static void *blocks[1000];
	char *end_before, *big;
	int i;

	for (i = 0; i < 1000; i++)
		blocks[i] = malloc(100);
	end_before = sbrk(0);
	for (i = 0; i < 1000; i += 2) /* every other one first */
		free(blocks[i]);
	for (i = 1; i < 1000; i += 2)
		free(blocks[i]);
	big = malloc(90000);
	EXPECT_TRUE(n, big != NULL);
	EXPECT_TRUE(n, (char *)sbrk(0) == end_before);
	free(big);
	PASS(n);
}

#define SLOTS 512

static void test_stress(void)
{
	const char *n = "malloc stress (20000 random operations)";
	static unsigned char *ptr[SLOTS];
	static size_t len[SLOTS];
	static unsigned char tag[SLOTS];
	size_t i, k, size;
	int op;

	srand(12345);
	for (op = 0; op < 20000; op++) {
		i = rand() % SLOTS;
		/* the block's bytes must be what we left there */
		for (k = 0; k < len[i]; k++)
			if (ptr[i][k] != (unsigned char)(tag[i] + k))
				FAIL(n,
				     "op %d: block %u byte %u: expected %u, got %u",
				     op, (unsigned)i, (unsigned)k,
				     (unsigned char)(tag[i] + k), ptr[i][k]);
		size = rand() % 4 == 0 ? rand() % 20000 : rand() % 200;
		if (ptr[i] && rand() % 3 == 0) {
			unsigned char *p = realloc(ptr[i], size + 1);

			if (!p)
				FAIL(n, "op %d: realloc(%u) failed", op,
				     (unsigned)size + 1);
			/* realloc keeps the old bytes: refill only the new tail */
			for (k = len[i] < size ? len[i] : size; k < size; k++)
				p[k] = tag[i] + k;
			ptr[i] = p;
			len[i] = size;
			continue;
		}
		free(ptr[i]);
		ptr[i] = malloc(size);
		if (!ptr[i])
			FAIL(n, "op %d: malloc(%u) failed", op, (unsigned)size);
		if ((uintptr_t)ptr[i] % 16)
			FAIL(n, "op %d: %p is not 16-byte aligned", op,
			     (void *)ptr[i]);
		len[i] = size;
		tag[i] = rand();
		for (k = 0; k < size; k++)
			ptr[i][k] = tag[i] + k;
	}
	for (i = 0; i < SLOTS; i++)
		free(ptr[i]);
	PASS(n);
}

static void test_double_free(void)
{
	const char *n = "double free aborts";
	int status, devnull;
	pid_t pid = fork();

	if (pid == 0) {
		char *p = malloc(32), *q = malloc(32);

		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 2); /* the message is expected: hide it */
		free(p);
		free(q);
		free(p);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_TRUE(n, WIFSIGNALED(status));
	EXPECT_INT(n, SIGABRT, WTERMSIG(status));
	PASS(n);
}

int main(void)
{
	CHECK_START();
	test_basic();
	test_coalesce();
	test_stress();
	test_double_free();
	CHECK_END();
}
