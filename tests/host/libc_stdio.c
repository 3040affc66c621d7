/* Host test of libc's printf formatting and FILE streams: buffering modes,
 * files, pipes, and flushing at exit. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char buf[256];

/* snprintf without gcc's format check, for formats it (rightly) warns about */
static void unchecked(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
}

#define FMT_UNCHECKED(want, ...)                                   \
	do {                                                       \
		unchecked(__VA_ARGS__);                            \
		if (strcmp(buf, want))                             \
			FAIL(n, "%s: expected \"%s\", got \"%s\"", \
			     #__VA_ARGS__, want, buf);             \
	} while (0)

/* each line: the expected text, then the snprintf that must produce it */
#define FMT(want, ...)                                             \
	do {                                                       \
		snprintf(buf, sizeof(buf), __VA_ARGS__);           \
		if (strcmp(buf, want))                             \
			FAIL(n, "%s: expected \"%s\", got \"%s\"", \
			     #__VA_ARGS__, want, buf);             \
	} while (0)

static void test_printf_int(void)
{
	const char *n = "printf %d %i %u";

	FMT("0", "%d", 0);
	FMT("42", "%d", 42);
	FMT("-42", "%i", -42);
	FMT("2147483647", "%d", INT_MAX);
	FMT("-2147483648", "%d", INT_MIN);
	FMT("4294967295", "%u", UINT_MAX);
	FMT("   42", "%5d", 42);
	FMT("42   |", "%-5d|", 42);
	FMT("00042", "%05d", 42);
	FMT("-0042", "%05d", -42);
	FMT("+42", "%+d", 42);
	FMT(" 42", "% d", 42);
	FMT("-42", "%+d", -42);
	FMT("  042", "%5.3d", 42);
	FMT_UNCHECKED("  042", "%05.3d", 42); /* precision turns '0' off */
	FMT("", "%.0d", 0);
	FMT("    ", "%4.0d", 0);
	FMT("   42", "%*d", 5, 42);
	FMT("42   |", "%*d|", -5, 42);
	FMT("00042", "%.*d", 5, 42);
	FMT("42", "%.*d", -1, 42);
	PASS(n);
}

static void test_printf_length(void)
{
	const char *n = "printf hh h l ll z t j";

	FMT("-1", "%hhd", 255);
	FMT("255", "%hhu", 255);
	FMT("-1", "%hd", 65535);
	FMT("65535", "%hu", 65535);
	FMT("-5", "%ld", -5L);
	FMT("4294967295", "%lu", 4294967295UL);
	FMT("9223372036854775807", "%lld", LLONG_MAX);
	FMT("-9223372036854775808", "%lld", LLONG_MIN);
	FMT("18446744073709551615", "%llu", ULLONG_MAX);
	FMT("1234567890123", "%lld", 1234567890123LL);
	FMT("ffffffffffffffff", "%llx", ULLONG_MAX);
	FMT("123", "%zu", (size_t)123);
	FMT("-7", "%td", (ptrdiff_t)-7);
	FMT("-9", "%jd", (intmax_t)-9);
	FMT("1 2 3", "%hhd %lld %d", 1, 2LL, 3); /* arguments stay in step */
	PASS(n);
}

static void test_printf_hex(void)
{
	const char *n = "printf %x %X %o %p";

	FMT("ff", "%x", 255);
	FMT("FF", "%X", 255);
	FMT("0xff", "%#x", 255);
	FMT("0XFF", "%#X", 255);
	FMT("0", "%#x", 0);
	FMT("0x00ff", "%#06x", 255);
	FMT("deadbeef", "%x", 0xdeadbeefU);
	FMT("17", "%o", 15);
	FMT("017", "%#o", 15);
	FMT("0", "%#o", 0);
	FMT("0", "%#.0o", 0);
	FMT("0x1234", "%p", (void *)0x1234);
	FMT("(nil)", "%p", (void *)0);
	FMT("    0x10", "%8p", (void *)16);
	PASS(n);
}

static void test_printf_str(void)
{
	const char *n = "printf %s %c %%";

	FMT("hello", "%s", "hello");
	FMT("hel", "%.3s", "hello");
	FMT("  hello", "%7s", "hello");
	FMT("hello  |", "%-7s|", "hello");
	FMT("   he", "%5.2s", "hello");
	FMT_UNCHECKED("(null)", "%s", (char *)NULL);
	FMT("x", "%c", 'x');
	FMT("  x", "%3c", 'x');
	FMT("x  |", "%-3c|", 'x');
	FMT("100%", "%d%%", 100);
	FMT_UNCHECKED("a%yb",
		      "a%yb"); /* unknown conversion printed as written */
	FMT("MenuOS>> ", "%s>> ", "MenuOS");
	FMT("%.2f|7", "%.2f|%d", 1.5, 7); /* no floating point: skipped */
	PASS(n);
}

static void test_snprintf_truncate(void)
{
	const char *n = "snprintf truncation";
	char small[8];
	int r;

	memset(small, 'Z', sizeof(small));
	r = snprintf(small, sizeof(small), "%s", "0123456789");
	EXPECT_INT(n, 10, r); /* what it would have written */
	EXPECT_STR(n, "0123456", small); /* always NUL-terminated */
	r = snprintf(small, 1, "abc");
	EXPECT_INT(n, 3, r);
	EXPECT_STR(n, "", small);
	r = snprintf(NULL, 0, "%d", 12345);
	EXPECT_INT(n, 5, r);
	r = sprintf(buf, "%s-%d", "ab", 7);
	EXPECT_INT(n, 4, r);
	EXPECT_STR(n, "ab-7", buf);
	PASS(n);
}

/* a temporary file in the build directory; the name is unique per process */
static char *tmp_path(const char *tag)
{
	static char path[128];

	snprintf(path, sizeof(path), "/tmp/menuos-libc-%s-%d", tag, getpid());
	return path;
}

static void test_file_io(void)
{
	const char *n = "fopen/fputs/fgets/fread/fseek/ftell";
	char *path = tmp_path("file");
	char line[64];
	FILE *f;
	int i;

	f = fopen(path, "w");
	EXPECT_TRUE(n, f != NULL);
	EXPECT_INT(n, 7, fprintf(f, "line %d\n", 1));
	EXPECT_INT(n, 0, fputs("line 2\nlast", f));
	for (i = 0; i < 3000; i++) /* more than one buffer */
		fputc('a' + i % 26, f);
	EXPECT_INT(n, 0, fclose(f));

	f = fopen(path, "r");
	EXPECT_TRUE(n, f != NULL);
	EXPECT_STR(n, "line 1\n", fgets(line, sizeof(line), f));
	EXPECT_INT(n, 7, ftell(f));
	EXPECT_STR(n, "line 2\n", fgets(line, sizeof(line), f));
	EXPECT_STR(n, "las", fgets(line, 4, f)); /* size - 1 bytes */
	EXPECT_INT(n, 't', fgetc(f));
	EXPECT_INT(n, 'a', fgetc(f));
	EXPECT_INT(n, 'a', ungetc('a', f));
	EXPECT_INT(n, 'a', getc(f));
	EXPECT_INT(n, 1, fseek(f, -2, SEEK_END) == 0);
	EXPECT_INT(n, 2, fread(line, 1, sizeof(line), f));
	EXPECT_TRUE(n, !memcmp(line, "ij", 2)); /* 2998 % 26 = 8: i, then j */
	EXPECT_INT(n, EOF, fgetc(f));
	EXPECT_TRUE(n, feof(f) && !ferror(f));
	clearerr(f);
	EXPECT_TRUE(n, !feof(f));
	rewind(f);
	EXPECT_INT(n, 'l', fgetc(f));
	EXPECT_INT(n, 0, fclose(f));

	f = fopen(path, "a");
	fputs("\nappended", f);
	fclose(f);
	f = fopen(path, "r");
	fseek(f, -8, SEEK_END);
	EXPECT_STR(n, "appended", fgets(line, sizeof(line), f));
	fclose(f);

	EXPECT_TRUE(n, fopen("/nonexistent/x", "r") == NULL);
	EXPECT_INT(n, ENOENT, errno);
	EXPECT_TRUE(n, fopen(path, "q") == NULL);
	EXPECT_INT(n, EINVAL, errno);
	unlink(path);
	PASS(n);
}

/* Run fn in a child with stdout going into a pipe; return what came out. */
static const char *child_output(void (*fn)(void))
{
	static char out[512];
	int fds[2], len = 0, r;
	pid_t pid;

	if (pipe(fds) < 0)
		return "(pipe failed)";
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		fn();
		exit(0);
	}
	close(fds[1]);
	while ((r = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += r;
	out[len] = '\0';
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return out;
}

static void print_then_exit(void)
{
	setvbuf(stdout, NULL, _IOFBF, 0); /* undo CHECK_START for this child */
	printf("buffered ");
	printf("until exit");
	exit(0);
}

static void print_then__exit(void)
{
	setvbuf(stdout, NULL, _IOFBF, 0);
	printf("lost");
	_exit(0); /* no flush: fully buffered output is lost */
}

static void print_unbuffered(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("un");
	putchar('b');
	fputs("uffered", stdout);
	_exit(0);
}

static void print_line_buffered(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("line\npartial");
	_exit(0); /* "line\n" went out at the newline, "partial" did not */
}

static int exit_order[3], exit_count;
static void at1(void)
{
	exit_order[exit_count++] = 1;
}
static void at2(void)
{
	exit_order[exit_count++] = 2;
	printf("[%d%d]", exit_order[0], exit_order[1]);
}
static void at3(void)
{
	exit_order[exit_count++] = 3;
}

static void print_atexit(void)
{
	setvbuf(stdout, NULL, _IOFBF, 0);
	atexit(at1);
	atexit(at2);
	atexit(at3);
	printf("main");
	exit(0); /* at3, at2 (prints), at1, then the flush */
}

static void print_default_mode(void)
{
	/* a pipe is not a tty: stdout is fully buffered by default */
	FILE *f = fdopen(1, "w");

	fputs("pipe\n", f);
	_exit(0);
}

static void test_buffering(void)
{
	const char *n = "stdio buffering and exit flush";

	EXPECT_STR(n, "buffered until exit", child_output(print_then_exit));
	EXPECT_STR(n, "", child_output(print_then__exit));
	EXPECT_STR(n, "unbuffered", child_output(print_unbuffered));
	EXPECT_STR(n, "line\n", child_output(print_line_buffered));
	EXPECT_STR(n, "main[32]", child_output(print_atexit));
	EXPECT_STR(n, "", child_output(print_default_mode));
	PASS(n);
}

static void test_stdin_pipe(void)
{
	const char *n = "getchar/fgets on a pipe";
	int fds[2], saved = dup(0);
	char line[16];

	EXPECT_OK(n, pipe(fds));
	write(fds[1], "ab\ncdef\nlast", 12);
	close(fds[1]);
	dup2(fds[0], 0);
	close(fds[0]);
	EXPECT_INT(n, 'a', getchar());
	EXPECT_STR(n, "b\n", fgets(line, sizeof(line), stdin));
	EXPECT_STR(n, "cdef\n", fgets(line, sizeof(line), stdin));
	EXPECT_STR(n, "last", fgets(line, sizeof(line), stdin));
	EXPECT_TRUE(n, fgets(line, sizeof(line), stdin) == NULL);
	EXPECT_TRUE(n, feof(stdin));
	EXPECT_INT(n, EOF, getchar()); /* EOF stays */
	clearerr(stdin);
	dup2(saved, 0);
	close(saved);
	PASS(n);
}

static void test_dprintf_perror(void)
{
	const char *n = "dprintf/perror/fileno";
	int fds[2], saved, len;
	char out[200];

	EXPECT_OK(n, pipe(fds));
	EXPECT_INT(n, 8, dprintf(fds[1], "fd %d %s", 3, "ok!"));
	saved = dup(2);
	dup2(fds[1], 2);
	errno = ECONNREFUSED;
	perror("connect");
	dup2(saved, 2);
	close(saved);
	close(fds[1]);
	len = read(fds[0], out, sizeof(out) - 1);
	close(fds[0]);
	out[len > 0 ? len : 0] = '\0';
	EXPECT_STR(n, "fd 3 ok!connect: Connection refused\n", out);
	EXPECT_INT(n, 0, fileno(stdin));
	EXPECT_INT(n, 2, fileno(stderr));
	PASS(n);
}

static void test_big_printf(void)
{
	const char *n = "printf of 5000 bytes to a FILE";
	char *path = tmp_path("big");
	static char big[5001], back[5100];
	FILE *f;
	int i;

	for (i = 0; i < 5000; i++)
		big[i] = 'A' + i % 26;
	f = fopen(path, "w+");
	EXPECT_TRUE(n, f != NULL);
	EXPECT_INT(n, 5008, fprintf(f, "<%s|%5d>", big, 1));
	fflush(f);
	rewind(f);
	EXPECT_INT(n, 1, fread(back, 1, 1, f));
	EXPECT_INT(n, '<', ungetc(back[0], f));
	EXPECT_INT(n, 1001,
		   fread(back, 5, 1001, f)); /* 5008 / 5, rounded down */
	rewind(f);
	EXPECT_INT(n, 5008, fread(back, 1, sizeof(back), f));
	EXPECT_TRUE(n, back[0] == '<' && !memcmp(back + 1, big, 5000));
	EXPECT_TRUE(n, !memcmp(back + 5001, "|    1>", 7));
	fclose(f);
	unlink(path);
	PASS(n);
}

int main(void)
{
	CHECK_START();
	test_printf_int();
	test_printf_length();
	test_printf_hex();
	test_printf_str();
	test_snprintf_truncate();
	test_file_io();
	test_buffering();
	test_stdin_pipe();
	test_dprintf_perror();
	test_big_printf();
	CHECK_END();
}
