/*
 * The fuzzer's values: a seeded generator (PCG32), interesting numbers and
 * lengths, and pointers into every kind of memory a user program can name:
 * its own scratch area, a page whose neighbour is unmapped (a buffer that
 * starts mapped and runs off the end), read-only text, nothing at all, and
 * the kernel's half of the address space.
 */
#include "fuzz.h"

#include <string.h>

#include <asm/unistd.h>
#include <linux/in.h>
#include <linux/socket.h>
#include <linux/un.h>

#define PAGE	     4096
#define SCRATCH_SIZE (48 * 1024)
#define JUNK_SIZE    (16 * 1024)

static uint64_t state, inc;

/* Every batch has its own stream: the seed and the batch number. */
void rnd_seed(uint32_t seed, uint32_t batch)
{
	state = ((uint64_t)seed << 32) ^ (batch * 0x9e3779b9u) ^ 0x853c49e6u;
	inc = ((uint64_t)batch << 1) | 1;
	rnd();
	state += seed;
	rnd();
}

uint32_t rnd(void)
{
	uint64_t old = state;
	uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
	uint32_t rot = (uint32_t)(old >> 59);

	state = old * 6364136223846793005ULL + inc;
	return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

uint32_t below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

int chance(int percent)
{
	return (int)below(100) < percent;
}

uint32_t any_value(void)
{
	static const uint32_t values[] = {
		0,	    1,		2,	    3,		4,
		7,	    8,		15,	    16,		17,
		31,	    32,		63,	    64,		65,
		127,	    128,	255,	    256,	1023,
		1024,	    4095,	4096,	    4097,	65535,
		65536,	    0x7fff,	0x8000,	    0x7fffffff, 0x80000000,
		0x80000001, 0xffffffff, 0xfffffffe, 0xfffff000, 0xc0000000,
		0xbfffffff, 0xbffff000, 0x10000,    0x100000,	0xffff,
	};

	switch (below(4)) {
	case 0:
		return rnd();
	case 1:
		return below(70);
	default:
		return PICK(values);
	}
}

uint32_t any_len(void)
{
	static const uint32_t lens[] = {
		0,	    1,		2,	    3,		4,
		8,	    14,		15,	    16,		17,
		28,	    64,		108,	    109,	110,
		111,	    128,	255,	    256,	1000,
		1460,	    1461,	4095,	    4096,	4097,
		8192,	    16384,	65535,	    65536,	65537,
		1 << 20,    0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0,
		0x7ffff000,
	};

	return chance(15) ? rnd() : PICK(lens);
}

uint32_t small_len(void)
{
	return chance(80) ? below(600) : any_len();
}

/* ---- memory ---- */

static unsigned char scratch_area[SCRATCH_SIZE] __attribute__((aligned(16)));
static unsigned char junk[JUNK_SIZE]; /* random bytes, for "any pointer" */
static uint32_t scratch_used;
static unsigned long edge; /* the end of a mapped page; the next is not */
static const char rodata[] = "read-only data, far from any sockaddr";
uint32_t own_ip;

/* No byte 2 anywhere in the junk: a pointer into it is never read as
 * AF_INET (2, 0), so random bytes never make a packet to the world. */
void fill_random(void *p, uint32_t n)
{
	unsigned char *b = p;

	for (uint32_t i = 0; i < n; i++) {
		b[i] = (unsigned char)rnd();
		if (b[i] == AF_INET)
			b[i] = 3;
	}
}

static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	long nr_and_f[2] = { nr, f };
	long ret;

	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov 0(%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr_and_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

void gen_init(void)
{
	long base;

	fill_random(junk, sizeof(junk));
	scratch_used = 0;
	/* two pages, then the second unmapped again: edge ends the first */
	base = sys6(__NR_mmap2, 0, 2 * PAGE, 3, 0x22 /* PRIVATE|ANON */, -1, 0);
	if (base < 0 && base > -4096) {
		edge = 0;
		return;
	}
	sys6(__NR_munmap, base + PAGE, PAGE, 0, 0, 0, 0);
	fill_random((void *)base, PAGE);
	edge = base + PAGE;
}

int in_scratch(unsigned long p, uint32_t n)
{
	unsigned long start = (unsigned long)scratch_area;

	return p >= start && n <= SCRATCH_SIZE && p - start <= SCRATCH_SIZE - n;
}

void scratch_reset(void)
{
	scratch_used = 0;
}

/* Room for one call's structures; wraps around rather than fail. */
void *scratch(uint32_t size)
{
	void *p;

	size = (size + 15) & ~15u;
	if (size > SCRATCH_SIZE)
		size = SCRATCH_SIZE;
	if (scratch_used + size > SCRATCH_SIZE)
		scratch_used = 0;
	p = scratch_area + scratch_used;
	scratch_used += size;
	return p;
}

unsigned long edge_ptr(uint32_t n)
{
	return edge && n <= PAGE ? edge - n : 0;
}

unsigned long bad_ptr(void)
{
	static const uint32_t unmapped[] = {
		0, 1, 4, 0xfff, 0x1000, 0x08000000, 0x60000000, 0xb0000000,
	};
	static const uint32_t kernel[] = {
		0xc0000000, 0xc0100000, 0xc0001000, 0xc0400000, 0xfffff000,
		0xffffffff, 0xfffffff0, 0xbffffffc, 0xbfffff00, 0xe0000000,
	};

	switch (below(10)) {
	case 0:
	case 1:
	case 2:
		return PICK(unmapped);
	case 3:
	case 4:
	case 5:
		return PICK(kernel);
	case 6:
		return 0xc0000000u + (rnd() & 0x3ffffffc);
	case 7: /* read-only: our own text and rodata */
		return chance(50) ? (unsigned long)&gen_init + below(256)
				  : (unsigned long)rodata;
	case 8: /* below the stack: the kernel may grow it to get there */
		return 0xbf800000u + (rnd() & 0x7ffffc);
	default:
		return rnd();
	}
}

/* A buffer the kernel reads from or writes to: mostly size bytes of room
 * in the scratch area; sometimes one that runs off a mapped page. */
static unsigned long buf_ptr(uint32_t size, int write)
{
	uint32_t room = size < SCRATCH_SIZE ? size : SCRATCH_SIZE;
	unsigned char *p;

	if (chance(12))
		return bad_ptr();
	if (edge && chance(8)) /* starts mapped, ends in the unmapped page */
		return edge - 1 - below(room < PAGE ? room + 1 : PAGE);
	p = scratch(room);
	if (!write)
		fill_random(p, room);
	return (unsigned long)p;
}

unsigned long in_ptr(uint32_t size)
{
	return buf_ptr(size, 0);
}

unsigned long out_ptr(uint32_t size)
{
	return buf_ptr(size, 1);
}

/* An argument that may be taken as a pointer: never our protected fds or
 * someone's pid by accident, so no small numbers except 0. */
unsigned long any_ptr(void)
{
	switch (below(4)) {
	case 0:
		return bad_ptr();
	case 1:
		return (unsigned long)junk + below(JUNK_SIZE);
	case 2:
		return in_ptr(small_len());
	default: {
		uint32_t v = any_value();
		return v < 1024 ? 0 : v;
	}
	}
}

/* ---- socket addresses ---- */

uint32_t allowed_ip(void)
{
	switch (below(6)) {
	case 0:
		return 0; /* INADDR_ANY */
	case 1:
		return own_ip ? own_ip : 0x0100007f;
	case 2: /* elsewhere in 127/8 */
		return 0x7f | (rnd() & 0xffffff00);
	default:
		return 0x0100007f; /* 127.0.0.1, network order */
	}
}

uint32_t any_port(void)
{
	static const uint32_t ports[] = { 0, 1, 80, 1023, 1024, 5001, 65535 };

	switch (below(4)) {
	case 0:
		return PICK(ports);
	case 1:
		return rnd() & 0xffff;
	default:
		return (uint32_t)pool_sock_port + below(4);
	}
}

static void put16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

void any_sockaddr(unsigned long *ptr, unsigned long *len)
{
	unsigned char *p = scratch(128);
	uint32_t port, ip;
	int n;

	memset(p, 0, 128);
	*len = chance(80) ? 16 : any_len();
	switch (below(10)) {
	case 0:
	case 1:
	case 2:
	case 3: /* sockaddr_in */
		put16(p, AF_INET);
		port = any_port();
		p[2] = (unsigned char)(port >> 8);
		p[3] = (unsigned char)port;
		ip = allowed_ip();
		memcpy(p + 4, &ip, 4);
		if (chance(10))
			fill_random(p + 8, 8);
		break;
	case 4:
	case 5: /* sockaddr_un: a path, an abstract name, or no NUL at all */
		put16(p, AF_UNIX);
		switch (below(4)) {
		case 0:
			n = 2 +
			    strlen(strcpy((char *)p + 2, "/tmp/fuzz-sock-0"));
			p[2 + 15] = (unsigned char)('0' + below(4));
			break;
		case 1:
			p[2] = 0;
			memcpy(p + 3, "fuzz-abstract", 13);
			p[3 + 12] = (unsigned char)('0' + below(4));
			n = 3 + 13;
			break;
		case 2:
			memset(p + 2, 'x', 110);
			n = 112;
			break;
		default:
			n = 2;
		}
		*len = chance(70) ? (uint32_t)n + below(2) : any_len();
		break;
	case 6: /* another family: unspec, inet6, netlink, packet, junk */
		put16(p, chance(50) ? below(46) : rnd());
		if (p[0] == AF_INET && p[1] == 0)
			p[0] = 0;
		fill_random(p + 2, 30);
		*len = chance(50) ? 28 : any_len();
		break;
	case 7: /* random bytes, never AF_INET */
		fill_random(p, 128);
		*len = any_len();
		break;
	default:
		*ptr = bad_ptr();
		if (*ptr >= (unsigned long)&gen_init &&
		    *ptr < (unsigned long)&gen_init + 256)
			*ptr = 0; /* text could read as AF_INET */
		*len = chance(50) ? 16 : any_len();
		return;
	}
	*ptr = (unsigned long)p;
}

/* ---- paths ---- */

static unsigned long path_ptr(const char *const *list, int n)
{
	char *p;

	switch (below(12)) {
	case 0:
		return bad_ptr() & ~0u; /* unmapped, kernel, text */
	case 1: /* longer than PATH_MAX */
		p = scratch(5000);
		memset(p, 'a', 4999);
		p[0] = '/';
		p[4999] = 0;
		return (unsigned long)p;
	case 2: /* no NUL before the end of the page */
		if (edge) {
			p = (char *)edge - 1 - below(64);
			memset(p, 'z', (char *)edge - p);
			return (unsigned long)p;
		}
		return 0;
	default:
		p = scratch(64);
		strcpy(p, list[below(n)]);
		return (unsigned long)p;
	}
}

/* Names a batch may create, truncate and remove. */
unsigned long tmp_path(void)
{
	static const char *const names[] = {
		"/tmp/fuzz-0",
		"/tmp/fuzz-1",
		"/tmp/fuzz-2",
		"/tmp/fuzz-3",
		"/tmp/fuzz-sock-0",
		"/tmp/fuzz-sock-1",
		"/tmp/fuzz-dir",
		"/tmp/fuzz-dir/fuzz",
		"/tmp/nonexistent/x",
		"/tmp/fuzz-0/",
		"",
		"/tmp/fuzz-sock-2",
	};

	return path_ptr(names, sizeof(names) / sizeof(names[0]));
}

/* Names only looked at (stat, access, readlink, open read-only). */
unsigned long look_path(void)
{
	static const char *const names[] = {
		"/",
		"/tmp",
		"/bin",
		"/bin/true",
		"/proc/meminfo",
		"/proc/net/sockstat",
		"/proc/tasks",
		"/proc/net/tcp",
		"/dev/null",
		"/dev/zero",
		"/nonexistent",
		"/bin/true/x",
		".",
		"..",
		"/tmp/fuzz-0",
		"/tmp/fuzz-sock-0",
		"/proc",
		"/dev",
		"//bin//./true",
	};

	if (chance(40))
		return tmp_path();
	return path_ptr(names, sizeof(names) / sizeof(names[0]));
}

/* execve: nothing here is a program that would run. */
unsigned long exec_path(void)
{
	static const char *const names[] = {
		"/",
		"/tmp",
		"/nonexistent",
		"/proc/meminfo",
		"/dev/null",
		"/dev/zero",
		"/tmp/fuzz-0",
		"/tmp/fuzz-sock-0",
		"",
		"/bin/",
		"/bin/nonexistent",
		"/proc/net/tcp",
	};

	return path_ptr(names, sizeof(names) / sizeof(names[0]));
}
