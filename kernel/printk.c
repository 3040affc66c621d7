/* printk and the kernel's small vsnprintf: %d %i %u %x %X %p %s %c %%, with width, '0',
 * '-' and the 'l'/'ll'/'z' length modifiers. Output goes to every console. */
#include <menuos/kernel.h>
#include <menuos/console.h>
#include <menuos/io.h>

struct outbuf {
	char *buf;
	size_t size, len;
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_number(struct outbuf *o, unsigned long long v, int base,
		       int upper, int neg, int width, char pad)
{
	char tmp[24];
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[n++] = '-';
	if (neg && pad == '0') { /* the sign goes before zero padding */
		put(o, '-');
		n--;
		width--;
	}
	for (int i = n; i < width; i++)
		put(o, pad);
	while (n)
		put(o, tmp[--n]);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		int left = 0, width = 0, lng = 0;
		char pad = ' ';
		for (;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '0')
				pad = '0';
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z')
			lng += (*fmt++ == 'l') ? 1 : 0;
		size_t start = o.len;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = lng > 1 ? va_arg(ap, long long)
					      : va_arg(ap, long);
			put_number(&o,
				   v < 0 ? -(unsigned long long)v
					 : (unsigned long long)v,
				   10, 0, v < 0, left ? 0 : width, pad);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			unsigned long long v =
				lng > 1 ? va_arg(ap, unsigned long long)
					: va_arg(ap, unsigned long);
			put_number(&o, v, *fmt == 'u' ? 10 : 16, *fmt == 'X', 0,
				   left ? 0 : width, pad);
			break;
		}
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, (unsigned long)va_arg(ap, void *), 16, 0,
				   0, 8, '0');
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			int n = strlen(s);
			if (!left)
				for (; n < width; width--)
					put(&o, ' ');
			while (*s)
				put(&o, *s++);
			break;
		}
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			put(&o, '%');
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			if (!*fmt)
				fmt--;
			break;
		}
		if (left)
			while ((int)(o.len - start) < width)
				put(&o, ' ');
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	console_write(buf, n);
	return n;
}
