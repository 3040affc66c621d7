/* printf and its family. One formatter, format(), writes through an "emit"
 * callback: into a string (snprintf), a FILE (fprintf) or an fd (dprintf).
 * Conversions: d i u x X o c s p %, flags - 0 + space #, width, precision,
 * '*', and the length modifiers hh h l ll z t j. No floating point: %f and
 * friends print as written (their argument is skipped). */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef void (*emit_fn)(void *ctx, const char *s, size_t n);

#define LEFT  1 /* '-': pad on the right */
#define ZERO  2 /* '0': pad numbers with zeros */
#define PLUS  4 /* '+': sign even if positive */
#define SPACE 8 /* ' ': space if positive */
#define ALT   16 /* '#': 0x for hex, leading 0 for octal */

static void pad(emit_fn emit, void *ctx, char c, int n)
{
	static const char spaces[16] = "                ";
	static const char zeros[16] = "0000000000000000";
	const char *src = c == '0' ? zeros : spaces;

	for (; n > 16; n -= 16)
		emit(ctx, src, 16);
	if (n > 0)
		emit(ctx, src, n);
}

/* Emit prefix, zeros and body padded to width; returns the characters emitted. */
static int field(emit_fn emit, void *ctx, int flags, int width,
		 const char *prefix, int zeros, const char *body, int len)
{
	int plen = strlen(prefix);
	int total = plen + zeros + len;
	int fill = width > total ? width - total : 0;

	if (!(flags & LEFT) && !(flags & ZERO))
		pad(emit, ctx, ' ', fill);
	emit(ctx, prefix, plen);
	if (!(flags & LEFT) && (flags & ZERO))
		pad(emit, ctx, '0', fill);
	pad(emit, ctx, '0', zeros);
	emit(ctx, body, len);
	if (flags & LEFT)
		pad(emit, ctx, ' ', fill);
	return total + fill;
}

/* Digits of v in base, written backwards from end; returns the start. */
static char *digits(char *end, unsigned long long v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned long v32;

	/* 32-bit division is much cheaper than libgcc's 64-bit one */
	while (v > ULONG_MAX) {
		*--end = set[v % base];
		v /= base;
	}
	for (v32 = v; v32; v32 /= base)
		*--end = set[v32 % base];
	return end;
}

static int format_number(emit_fn emit, void *ctx, int flags, int width,
			 int prec, unsigned long long v, int negative,
			 char conv)
{
	char buf[24], *end = buf + sizeof(buf), *start;
	const char *prefix = "";
	unsigned base = 10;
	int len, zeros;

	if (conv == 'o')
		base = 8;
	else if (conv == 'x' || conv == 'X')
		base = 16;

	start = digits(end, v, base, conv == 'X');
	if (v == 0 && prec != 0)
		*--start = '0'; /* "%.0d" of 0 prints nothing */
	len = end - start;
	zeros = prec > len ? prec - len : 0;
	if (prec >= 0)
		flags &= ~ZERO; /* a precision turns '0' off */
	if (conv == 'd' || conv == 'i') {
		if (negative)
			prefix = "-";
		else if (flags & PLUS)
			prefix = "+";
		else if (flags & SPACE)
			prefix = " ";
	} else if (flags & ALT) {
		if (conv == 'o' && zeros == 0 && (len == 0 || *start != '0'))
			zeros = 1;
		else if (conv == 'x' && v)
			prefix = "0x";
		else if (conv == 'X' && v)
			prefix = "0X";
	}
	return field(emit, ctx, flags, width, prefix, zeros, start, len);
}

static int format(emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
	int count = 0, flags, width, prec, length;
	unsigned long long v;
	long long sv;
	const char *s, *start;
	char c;

	while (*fmt) {
		if (*fmt != '%') {
			for (start = fmt; *fmt && *fmt != '%'; fmt++)
				;
			emit(ctx, start, fmt - start);
			count += fmt - start;
			continue;
		}
		start = fmt++;

		for (flags = 0;; fmt++) {
			if (*fmt == '-')
				flags |= LEFT;
			else if (*fmt == '0')
				flags |= ZERO;
			else if (*fmt == '+')
				flags |= PLUS;
			else if (*fmt == ' ')
				flags |= SPACE;
			else if (*fmt == '#')
				flags |= ALT;
			else
				break;
		}

		width = 0;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= LEFT;
				width = -width;
			}
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');

		prec = -1;
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				/* a negative one counts as none */
				prec = va_arg(ap, int);
				fmt++;
			}
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}

		/* length: how many bits the argument has */
		length = 32;
		if (*fmt == 'h') {
			length = fmt[1] == 'h' ? 8 : 16;
			fmt += fmt[1] == 'h' ? 2 : 1;
		} else if (*fmt == 'l') {
			length = fmt[1] == 'l' ? 64 : 32;
			fmt += fmt[1] == 'l' ? 2 : 1;
		} else if (*fmt == 'j') {
			length = 64;
			fmt++;
		} else if (*fmt == 'z' || *fmt == 't') {
			fmt++; /* size_t and ptrdiff_t are 32 bits on i386 */
		}

		switch (c = *fmt++) {
		case 'd':
		case 'i':
			sv = length == 64 ? va_arg(ap, long long)
					  : va_arg(ap, int);
			if (length == 8)
				sv = (signed char)sv;
			else if (length == 16)
				sv = (short)sv;
			v = sv < 0 ? -(unsigned long long)sv
				   : (unsigned long long)sv;
			count += format_number(emit, ctx, flags, width, prec, v,
					       sv < 0, c);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			v = length == 64 ? va_arg(ap, unsigned long long)
					 : va_arg(ap, unsigned int);
			if (length == 8)
				v = (unsigned char)v;
			else if (length == 16)
				v = (unsigned short)v;
			count += format_number(emit, ctx, flags, width, prec, v,
					       0, c);
			break;
		case 'p':
			v = (uintptr_t)va_arg(ap, void *);
			if (v)
				count += format_number(emit, ctx, flags | ALT,
						       width, prec, v, 0, 'x');
			else
				count += field(emit, ctx, flags & LEFT, width,
					       "", 0, "(nil)", 5);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			count += field(emit, ctx, flags & LEFT, width, "", 0,
				       &c, 1);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			count += field(emit, ctx, flags & LEFT, width, "", 0, s,
				       prec >= 0 ? (int)strnlen(s, prec)
						 : (int)strlen(s));
			break;
		case '%':
			emit(ctx, "%", 1);
			count++;
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			/* No floating point here (MenuOS processes do not save
			 * FPU state yet): skip the double, as 8 bytes, without
			 * touching the FPU, and print the conversion as written. */
			(void)va_arg(ap, long long);
			emit(ctx, start, fmt - start);
			count += fmt - start;
			break;
		default:
			/* unknown conversion: print it as written */
			if (!c)
				fmt--;
			emit(ctx, start, fmt - start);
			count += fmt - start;
			break;
		}
	}
	return count;
}

/* ---- into a string ---- */
struct string_sink {
	char *buf;
	size_t size; /* room, with the NUL */
	size_t len; /* characters produced so far */
};

static void emit_string(void *ctx, const char *s, size_t n)
{
	struct string_sink *out = ctx;
	size_t room;

	if (out->len + 1 < out->size) {
		room = out->size - out->len - 1;
		memcpy(out->buf + out->len, s, n < room ? n : room);
	}
	out->len += n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct string_sink out = { buf, size, 0 };
	int n = format(emit_string, &out, fmt, ap);

	if (size > 0)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- into a FILE ---- */
static void emit_file(void *ctx, const char *s, size_t n)
{
	fwrite(s, 1, n, ctx);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	int n = format(emit_file, f, fmt, ap);

	return ferror(f) ? -1 : n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- into a file descriptor, through a small buffer ---- */
struct fd_sink {
	int fd;
	int len;
	int error;
	char buf[128];
};

static void fd_flush(struct fd_sink *out)
{
	if (out->len && write(out->fd, out->buf, out->len) != out->len)
		out->error = 1;
	out->len = 0;
}

static void emit_fd(void *ctx, const char *s, size_t n)
{
	struct fd_sink *out = ctx;

	for (; n; n--) {
		if (out->len == (int)sizeof(out->buf))
			fd_flush(out);
		out->buf[out->len++] = *s++;
	}
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct fd_sink out;
	int n;

	out.fd = fd;
	out.len = out.error = 0;
	n = format(emit_fd, &out, fmt, ap);
	fd_flush(&out);
	return out.error ? -1 : n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
