/* IPv4 addresses between text and binary, and byte order (i386 is little
 * endian, the network is big endian). */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

uint32_t htonl(uint32_t host)
{
	return (host >> 24) | ((host >> 8) & 0xff00) |
	       ((host << 8) & 0xff0000) | (host << 24);
}

uint16_t htons(uint16_t host)
{
	return (uint16_t)((host >> 8) | (host << 8));
}

uint32_t ntohl(uint32_t net)
{
	return htonl(net);
}

uint16_t ntohs(uint16_t net)
{
	return htons(net);
}

/*
 * The old, lenient form: "a.b.c.d", and also "a.b.c" (c fills 16 bits),
 * "a.b" (b fills 24 bits) and "a" (32 bits); each part decimal, 0x hex or
 * 0 octal. Returns 1 if valid.
 */
int inet_aton(const char *s, struct in_addr *addr)
{
	unsigned long part[4];
	unsigned long val;
	char *end;
	int n;

	for (n = 0; n < 4; n++) {
		if (!isdigit((unsigned char)*s))
			return 0;
		errno = 0;
		part[n] = strtoul(s, &end, 0);
		if (errno)
			return 0;
		s = end;
		if (*s != '.')
			break;
		s++;
	}
	if (n == 4 || (*s != '\0' && !isspace((unsigned char)*s)))
		return 0;
	/* n: index of the last part, which fills the remaining bytes */
	val = part[n];
	if (val > (0xffffffffUL >> (8 * n)))
		return 0;
	for (int i = 0; i < n; i++) {
		if (part[i] > 255)
			return 0;
		val |= part[i] << (24 - 8 * i);
	}
	if (addr)
		addr->s_addr = htonl(val);
	return 1;
}

in_addr_t inet_addr(const char *s)
{
	struct in_addr a;

	return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr addr)
{
	static char buf[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &addr, buf, sizeof(buf));
}

/* Strict "a.b.c.d": four decimal parts 0..255, no leading zeros. 1 if valid,
 * 0 if not, -1 (EAFNOSUPPORT) for a family other than AF_INET. */
int inet_pton(int af, const char *src, void *dst)
{
	unsigned char bytes[4];
	int n, digits;
	unsigned val;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	for (n = 0; n < 4; n++) {
		val = 0;
		for (digits = 0; isdigit((unsigned char)*src);
		     digits++, src++) {
			if (digits > 0 && val == 0)
				return 0; /* leading zero */
			val = val * 10 + (*src - '0');
			if (val > 255)
				return 0;
		}
		if (digits == 0)
			return 0;
		bytes[n] = val;
		if (n < 3 && *src++ != '.')
			return 0;
	}
	if (*src != '\0')
		return 0;
	memcpy(dst, bytes, 4);
	return 1;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	const unsigned char *b = src;
	char tmp[INET_ADDRSTRLEN], *p = tmp;
	int i;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	for (i = 0; i < 4; i++) {
		unsigned v = b[i];

		if (v >= 100)
			*p++ = '0' + v / 100;
		if (v >= 10)
			*p++ = '0' + v / 10 % 10;
		*p++ = '0' + v % 10;
		*p++ = i < 3 ? '.' : '\0';
	}
	if ((socklen_t)(p - tmp) > size) {
		errno = ENOSPC;
		return NULL;
	}
	memcpy(dst, tmp, p - tmp);
	return dst;
}
