/*
 * linux-stdio: glibc's stdio and malloc at work (static, unmodified on
 * MenuOS). It reads words, one per line, until a line "end" (or end of
 * input), sorts them with qsort and prints them; then checks the pieces of
 * glibc that lean on the kernel: printf of floating point, malloc of small
 * and of large blocks (brk and mmap2), realloc, fopen/fread/fseek of its own
 * executable against stat(), and the environment. Each check prints
 * "linux-stdio: <name> ok" or says what went wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_WORDS 64

static int failures;

static void check(int ok, const char *name, const char *detail)
{
	if (ok) {
		printf("linux-stdio: %s ok\n", name);
	} else {
		printf("linux-stdio: %s FAILED: %s\n", name, detail);
		failures++;
	}
}

static int compare_words(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_input(void)
{
	char *words[MAX_WORDS], line[256];
	int n = 0;

	printf("linux-stdio: type words, one a line, then end\n");
	fflush(stdout);
	while (n < MAX_WORDS && fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strcmp(line, "end") == 0)
			break;
		words[n] = malloc(strlen(line) + 1);
		strcpy(words[n++], line);
	}
	qsort(words, n, sizeof(words[0]), compare_words);
	printf("linux-stdio: %d words sorted:", n);
	for (int i = 0; i < n; i++) {
		printf(" %s", words[i]);
		free(words[i]);
	}
	printf("\n");
}

static void check_printf(void)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%.3f %e %g %5.1f%% %x %s %lld", 3.14159,
		 12345.678, 0.0001, 99.5, 48879, "str", 1LL << 40);
	check(strcmp(buf, "3.142 1.234568e+04 0.0001  99.5% beef str "
			  "1099511627776") == 0,
	      "printf", buf);
	check(strtod("2.5e3", NULL) == 2500.0, "strtod", "2.5e3");
}

static void check_malloc(void)
{
	char *small[100], *big, *grow = NULL;
	int ok = 1;

	for (int i = 0; i < 100; i++) {
		small[i] = malloc(100 + i);
		memset(small[i], i, 100 + i);
	}
	for (int i = 0; i < 100; i++) {
		ok &= small[i][99 + i] == (char)i;
		free(small[i]);
	}
	check(ok, "malloc-small", "a block lost its contents");

	big = malloc(4 << 20); /* above the mmap threshold: mmap2 */
	check(big != NULL, "malloc-big", "malloc(4 MiB) returned NULL");
	if (big) {
		memset(big, 0x5a, 4 << 20);
		check(big[(4 << 20) - 1] == 0x5a, "malloc-big-write",
		      "the last byte");
		free(big); /* munmap */
	}

	for (int size = 16; size <= 1 << 20; size *= 2) {
		char *p = realloc(grow, size);
		if (!p) {
			ok = 0;
			break;
		}
		p[size - 1] = 7;
		grow = p;
	}
	check(ok && grow[(1 << 20) - 1] == 7, "realloc", "growing to 1 MiB");
	free(grow);
}

static void check_files(const char *self)
{
	struct stat st;
	char buf[4096], detail[128];
	long total = 0;
	size_t n;
	FILE *f;

	if (stat(self, &st) < 0) {
		check(0, "stat", self);
		return;
	}
	f = fopen(self, "rb");
	if (!f) {
		check(0, "fopen", self);
		return;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		total += n;
	snprintf(detail, sizeof(detail), "read %ld bytes, stat says %ld", total,
		 (long)st.st_size);
	check(total == st.st_size && total > 0, "fread", detail);
	fseek(f, 1, SEEK_SET);
	n = fread(buf, 1, 3, f);
	check(n == 3 && memcmp(buf, "ELF", 3) == 0, "fseek", "\"ELF\" at 1");
	fclose(f);
	check(fopen("/no/such/file", "r") == NULL, "fopen-missing",
	      "opened a missing file");
}

int main(int argc, char **argv)
{
	const char *self = argc > 1 ? argv[1] : "/bin/linux-stdio";

	sort_input();
	check_printf();
	check_malloc();
	check_files(self);
	check(getenv("NO_SUCH_VARIABLE_HERE") == NULL, "getenv", "set?");
	printf("linux-stdio: %s\n", failures ? "FAILED" : "all ok");
	return failures != 0;
}
