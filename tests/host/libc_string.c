/* Host test of libc's string.h, ctype.h, strtol family, qsort, strerror and
 * the environment, against expected values spelled out here. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static void test_mem(void)
{
	const char *n = "memcpy/memmove/memset/memcmp/memchr";
	char buf[16] = "abcdefghij";

	memmove(buf + 2, buf, 5); /* overlapping, forwards */
	EXPECT_STR(n, "ababcdehij", buf);
	memmove(buf, buf + 2, 5); /* overlapping, backwards */
	EXPECT_STR(n, "abcdedehij", buf);
	memset(buf, 'x', 3);
	EXPECT_STR(n, "xxxdedehij", buf);
	memcpy(buf, "0123456789", 11);
	EXPECT_STR(n, "0123456789", buf);
	EXPECT_TRUE(n, memcmp("abc", "abd", 3) < 0);
	EXPECT_TRUE(n,
		    memcmp("ab\xff", "ab\x01", 3) > 0); /* unsigned compare */
	EXPECT_INT(n, 0, memcmp("abc", "abd", 2));
	EXPECT_TRUE(n, memchr(buf, '5', 10) == buf + 5);
	EXPECT_TRUE(n, memchr(buf, 'z', 10) == NULL);
	PASS(n);
}

static void test_str(void)
{
	const char *n = "strlen/strcpy/strcat/strcmp/strchr";
	char buf[32];

	EXPECT_INT(n, 0, strlen(""));
	EXPECT_INT(n, 5, strlen("hello"));
	EXPECT_INT(n, 3, strnlen("hello", 3));
	EXPECT_INT(n, 5, strnlen("hello", 10));
	strcpy(buf, "foo");
	strcat(buf, "bar");
	EXPECT_STR(n, "foobar", buf);
	strncat(buf, "bazzz", 3);
	EXPECT_STR(n, "foobarbaz", buf);
	memset(buf, 'q', sizeof(buf));
	strncpy(buf, "ab", 5);
	EXPECT_TRUE(n, !memcmp(buf, "ab\0\0\0q", 6)); /* pads with NULs */
	strncpy(buf, "abcdef", 3);
	EXPECT_TRUE(n, !memcmp(buf, "abc\0", 4)); /* no NUL added */
	EXPECT_TRUE(n, strcmp("a", "b") < 0);
	EXPECT_TRUE(n, strcmp("b", "a") > 0);
	EXPECT_TRUE(n, strcmp("ab", "a") > 0);
	EXPECT_INT(n, 0, strcmp("same", "same"));
	EXPECT_TRUE(n, strcmp("\xe9", "a") > 0); /* bytes are unsigned */
	EXPECT_INT(n, 0, strncmp("abcX", "abcY", 3));
	EXPECT_TRUE(n, strncmp("abcX", "abcY", 4) < 0);
	EXPECT_STR(n, "lo world", strchr("hello world", 'l') + 1);
	EXPECT_STR(n, "ld", strrchr("hello world", 'l'));
	EXPECT_TRUE(n, strchr("abc", '\0') != NULL); /* finds the NUL */
	EXPECT_TRUE(n, strchr("abc", 'z') == NULL);
	EXPECT_STR(n, "world", strstr("hello world", "wor"));
	EXPECT_TRUE(n, strstr("hello", "") != NULL);
	EXPECT_TRUE(n, strstr("hello", "xyz") == NULL);
	EXPECT_INT(n, 3, strspn("aabxc", "ab"));
	EXPECT_INT(n, 2, strcspn("abxc", "xy"));
	EXPECT_STR(n, "xc", strpbrk("abxc", "yx"));
	EXPECT_INT(n, 0, strcasecmp("HeLLo", "hello"));
	EXPECT_TRUE(n, strcasecmp("abc", "ABD") < 0);
	EXPECT_INT(n, 0, strncasecmp("HELLOx", "helloy", 5));
	PASS(n);
}

static void test_dup(void)
{
	const char *n = "strdup/strndup";
	char *a = strdup("menu");
	char *b = strndup("menuos", 4);
	char *c = strndup("ab", 10);

	EXPECT_STR(n, "menu", a);
	EXPECT_STR(n, "menu", b);
	EXPECT_STR(n, "ab", c);
	free(a);
	free(b);
	free(c);
	PASS(n);
}

static void test_strtok(void)
{
	const char *n = "strtok/strtok_r";
	char line[] = "  ls   -l /bin  ";
	char csv[] = "a,,b";
	char *save, *tok;

	EXPECT_STR(n, "ls", strtok(line, " "));
	EXPECT_STR(n, "-l", strtok(NULL, " "));
	EXPECT_STR(n, "/bin", strtok(NULL, " "));
	EXPECT_TRUE(n, strtok(NULL, " ") == NULL);
	EXPECT_TRUE(n, strtok(NULL, " ") == NULL);
	EXPECT_STR(n, "a", strtok_r(csv, ",", &save));
	EXPECT_STR(n, "b", strtok_r(NULL, ",", &save));
	tok = strtok_r(NULL, ",", &save);
	EXPECT_TRUE(n, tok == NULL);
	PASS(n);
}

static void test_ctype(void)
{
	const char *n = "ctype";
	int c, alpha = 0, digit = 0, space = 0, punct = 0, print = 0;

	for (c = 0; c < 256; c++) {
		alpha += !!isalpha(c);
		digit += !!isdigit(c);
		space += !!isspace(c);
		punct += !!ispunct(c);
		print += !!isprint(c);
	}
	EXPECT_INT(n, 52, alpha);
	EXPECT_INT(n, 10, digit);
	EXPECT_INT(n, 6, space);
	EXPECT_INT(n, 32, punct);
	EXPECT_INT(n, 95, print);
	EXPECT_TRUE(n, isxdigit('F') && isxdigit('a') && !isxdigit('g'));
	EXPECT_TRUE(n, isalnum('z') && isalnum('0') && !isalnum('_'));
	EXPECT_TRUE(n, isupper('Q') && !isupper('q') && islower('q'));
	EXPECT_INT(n, 'A', toupper('a'));
	EXPECT_INT(n, '1', toupper('1'));
	EXPECT_INT(n, 'z', tolower('Z'));
	PASS(n);
}

struct strtol_case {
	const char *in;
	int base;
	long want;
	int want_end; /* characters consumed */
	int want_errno;
};

static void test_strtol(void)
{
	static const struct strtol_case cases[] = {
		{ "42", 10, 42, 2, 0 },
		{ "  -17xyz", 10, -17, 5, 0 },
		{ "+5", 10, 5, 2, 0 },
		{ "0x1f", 0, 31, 4, 0 },
		{ "0X1F", 16, 31, 4, 0 },
		{ "1f", 16, 31, 2, 0 },
		{ "0x", 0, 0, 1, 0 }, /* "0", then "x" is not part of it */
		{ "0xg", 16, 0, 1, 0 },
		{ "017", 0, 15, 3, 0 },
		{ "019", 0, 1, 2, 0 }, /* octal stops at 9 */
		{ "z", 36, 35, 1, 0 },
		{ "101", 2, 5, 3, 0 },
		{ "", 10, 0, 0, 0 },
		{ "   ", 10, 0, 0, 0 },
		{ "-", 10, 0, 0, 0 },
		{ "abc", 10, 0, 0, 0 },
		{ "2147483647", 10, LONG_MAX, 10, 0 },
		{ "2147483648", 10, LONG_MAX, 10, ERANGE },
		{ "-2147483648", 10, LONG_MIN, 11, 0 },
		{ "-2147483649", 10, LONG_MIN, 11, ERANGE },
		{ "99999999999999999999999", 10, LONG_MAX, 23, ERANGE },
		{ "12", 1, 0, 0, EINVAL },
		{ "12", 37, 0, 0, EINVAL },
	};
	const char *n = "strtol";
	char *end;
	unsigned i;
	long v;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		errno = 0;
		v = strtol(cases[i].in, &end, cases[i].base);
		if (v != cases[i].want ||
		    end - cases[i].in != cases[i].want_end ||
		    errno != cases[i].want_errno)
			FAIL(n,
			     "strtol(\"%s\", %d): expected %ld, end +%d, errno %d; "
			     "got %ld, end +%d, errno %d",
			     cases[i].in, cases[i].base, cases[i].want,
			     cases[i].want_end, cases[i].want_errno, v,
			     (int)(end - cases[i].in), errno);
	}
	PASS(n);
}

static void test_strtoul(void)
{
	const char *n = "strtoul/strtoll/strtoull/atoi";
	char *end;

	errno = 0;
	EXPECT_INT(n, 4294967295UL, strtoul("4294967295", NULL, 10));
	EXPECT_INT(n, 0, errno);
	EXPECT_INT(n, 4294967295UL, strtoul("4294967296", NULL, 10));
	EXPECT_INT(n, ERANGE, errno);
	errno = 0;
	EXPECT_INT(n, 4294967295UL, strtoul("-1", NULL, 10)); /* C says so */
	EXPECT_INT(n, 0, errno);
	EXPECT_INT(n, 0xdeadbeefUL, strtoul("0xDEADBEEF", &end, 0));
	EXPECT_INT(n, 0, *end);
	EXPECT_TRUE(n, strtoll("9223372036854775807", NULL, 10) == LLONG_MAX);
	EXPECT_TRUE(n, strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN);
	errno = 0;
	EXPECT_TRUE(n, strtoll("9223372036854775808", NULL, 10) == LLONG_MAX);
	EXPECT_INT(n, ERANGE, errno);
	errno = 0;
	EXPECT_TRUE(n,
		    strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX);
	EXPECT_INT(n, 0, errno);
	EXPECT_TRUE(n,
		    strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX);
	EXPECT_INT(n, ERANGE, errno);
	EXPECT_TRUE(n, strtoull("1234567890123", NULL, 10) == 1234567890123ULL);
	EXPECT_INT(n, 123, atoi("  123abc"));
	EXPECT_INT(n, -8, atoi("-8"));
	EXPECT_INT(n, 0, atoi("x"));
	EXPECT_INT(n, 100000, atol("100000"));
	EXPECT_INT(n, 5, abs(-5));
	EXPECT_INT(n, 5, labs(5));
	PASS(n);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

static void test_qsort(void)
{
	const char *n = "qsort";
	static int v[1000];
	int i, sizes[] = { 0, 1, 2, 7, 9, 100, 1000 }, s;

	for (s = 0; s < (int)(sizeof(sizes) / sizeof(sizes[0])); s++) {
		srand(s + 1);
		for (i = 0; i < sizes[s]; i++)
			v[i] = rand() % 50; /* many duplicates */
		qsort(v, sizes[s], sizeof(int), cmp_int);
		for (i = 1; i < sizes[s]; i++)
			if (v[i - 1] > v[i])
				FAIL(n, "size %d: v[%d]=%d > v[%d]=%d",
				     sizes[s], i - 1, v[i - 1], i, v[i]);
	}
	for (i = 0; i < 1000; i++)
		v[i] = 1000 - i; /* reversed */
	qsort(v, 1000, sizeof(int), cmp_int);
	for (i = 0; i < 1000; i++)
		EXPECT_INT(n, i + 1, v[i]);
	PASS(n);
}

static void test_strerror(void)
{
	const char *n = "strerror/strerrorname_np/strsignal";

	EXPECT_STR(n, "Connection refused", strerror(ECONNREFUSED));
	EXPECT_STR(n, "No such file or directory", strerror(ENOENT));
	EXPECT_STR(n, "Success", strerror(0));
	EXPECT_STR(n, "Unknown error 9999", strerror(9999));
	EXPECT_STR(n, "ECONNREFUSED", strerrorname_np(ECONNREFUSED));
	EXPECT_STR(n, "EPERM", strerrorname_np(1));
	EXPECT_STR(n, "EHWPOISON", strerrorname_np(133));
	EXPECT_TRUE(n, strerrorname_np(0) == NULL);
	EXPECT_TRUE(n, strerrorname_np(5000) == NULL);
	EXPECT_STR(n, "Segmentation fault", strsignal(11));
	EXPECT_STR(n, "Killed", strsignal(9));
	PASS(n);
}

static void test_env(void)
{
	const char *n = "getenv/setenv/unsetenv";

	EXPECT_OK(n, setenv("MENUOS_TEST", "one", 1));
	EXPECT_STR(n, "one", getenv("MENUOS_TEST"));
	EXPECT_OK(n, setenv("MENUOS_TEST", "two", 0)); /* no overwrite */
	EXPECT_STR(n, "one", getenv("MENUOS_TEST"));
	EXPECT_OK(n, setenv("MENUOS_TEST", "three", 1));
	EXPECT_STR(n, "three", getenv("MENUOS_TEST"));
	EXPECT_TRUE(n,
		    getenv("MENUOS_TES") == NULL); /* prefix is not a match */
	EXPECT_OK(n, unsetenv("MENUOS_TEST"));
	EXPECT_TRUE(n, getenv("MENUOS_TEST") == NULL);
	EXPECT_INT(n, -1, setenv("A=B", "x", 1));
	EXPECT_INT(n, EINVAL, errno);
	EXPECT_TRUE(n, getenv("PATH") != NULL); /* inherited from run.sh */
	PASS(n);
}

int main(void)
{
	CHECK_START();
	test_mem();
	test_str();
	test_dup();
	test_strtok();
	test_ctype();
	test_strtol();
	test_strtoul();
	test_qsort();
	test_strerror();
	test_env();
	CHECK_END();
}
