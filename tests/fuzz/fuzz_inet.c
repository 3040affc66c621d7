/*
 * libFuzzer target: our libc's inet_pton, inet_aton and inet_addr against
 * glibc's on any string, and inet_ntop into a buffer of any size (exactly
 * that size, so a byte too many is an AddressSanitizer report). A
 * disagreement with glibc aborts with both answers.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int menuos_inet_pton(int af, const char *src, void *dst);
int menuos_inet_aton(const char *s, struct in_addr *addr);
in_addr_t menuos_inet_addr(const char *s);
const char *menuos_inet_ntop(int af, const void *src, char *dst,
			     socklen_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	unsigned char a[4], b[4];
	struct in_addr x, y;
	int r1, r2;

	memcpy(s, data, size);
	s[size] = 0;
	memset(a, 0, 4);
	memset(b, 0, 4);
	r1 = menuos_inet_pton(AF_INET, s, a);
	r2 = inet_pton(AF_INET, s, b);
	if (r1 != r2 || (r1 == 1 && memcmp(a, b, 4))) {
		fprintf(stderr, "inet_pton(\"%s\"): glibc %d, ours %d\n", s, r2,
			r1);
		abort();
	}
	x.s_addr = y.s_addr = 0;
	r1 = menuos_inet_aton(s, &x);
	r2 = inet_aton(s, &y);
	if (r1 != r2 || (r1 && x.s_addr != y.s_addr)) {
		fprintf(stderr,
			"inet_aton(\"%s\"): glibc %d %08x, ours %d %08x\n", s,
			r2, ntohl(y.s_addr), r1, ntohl(x.s_addr));
		abort();
	}
	if (menuos_inet_addr(s) != inet_addr(s)) {
		fprintf(stderr, "inet_addr(\"%s\") differs from glibc\n", s);
		abort();
	}
	if (size >= 5) { /* four bytes of address, one of buffer size */
		char want[INET_ADDRSTRLEN], *out;
		socklen_t room = data[4] % 20;
		const char *r;

		inet_ntop(AF_INET, data, want, sizeof(want));
		out = malloc(room ? room : 1);
		r = menuos_inet_ntop(AF_INET, data, out, room);
		if (room > strlen(want) ? (!r || strcmp(out, want))
					: (r != NULL || errno != ENOSPC)) {
			fprintf(stderr, "inet_ntop(%s) into %u bytes\n", want,
				room);
			abort();
		}
		free(out);
	}
	free(s);
	return 0;
}
