/* ABI check: every constant and structure layout in include/uapi must be
 * Linux's i386 one. Compares the tables abi_ours.c builds from our headers
 * with those abi_linux.c and abi_glibc.c build from Linux's and glibc's.
 * Prints "abi <header> ok" or "abi <header> FAILED: ..." per header and
 * "abi <struct> ok" per structure. */
#include <stdio.h>
#include <string.h>
#include "abi.h"

/* Names Linux keeps out of its user-space headers, with the value the
 * kernel uses (any == 1: ours alone decides, nothing to compare). */
static const struct {
	const char *name;
	long long value;
	int any;
	const char *where;
} known[] = {
	{ "NR_syscalls", 0, 1, "MenuOS's own table size" },
	{ "_NSIG", 64, 0,
	  "arch/x86/include/asm/signal.h (glibc's _NSIG is 65)" },
	{ "MAX_ERRNO", 4095, 0, "include/linux/err.h" },
	{ "SOCK_TYPE_MASK", 0xf, 0, "include/linux/net.h" },
};

static struct abi_const ours[ABI_MAX], lnx[ABI_MAX], glibc[ABI_MAX];
static struct abi_layout lours[ABI_MAX], llnx[ABI_MAX], lglibc[ABI_MAX];
static int passed, failed;

/* 1 if the constant t[i] matches Linux's; prints why not */
static int check_const(int i)
{
	const struct abi_const *o = &ours[i];
	const struct abi_const *ref = lnx[i].defined	 ? &lnx[i]
				      : glibc[i].defined ? &glibc[i]
							 : NULL;
	const char *who = lnx[i].defined ? "Linux" : "glibc";
	unsigned k;

	if (ref) {
		if (ref->value == o->value)
			return 1;
		printf("abi %s FAILED: %s: expected %lld (%s), got %lld\n",
		       o->header, o->name, ref->value, who, o->value);
		return 0;
	}
	for (k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
		if (strcmp(known[k].name, o->name))
			continue;
		if (known[k].any || known[k].value == o->value)
			return 1;
		printf("abi %s FAILED: %s: expected %lld (%s), got %lld\n",
		       o->header, o->name, known[k].value, known[k].where,
		       o->value);
		return 0;
	}
	printf("abi %s FAILED: %s is not defined by Linux's or glibc's headers\n",
	       o->header, o->name);
	return 0;
}

static void check_consts(void)
{
	int n = abi_ours_consts(ours);
	int i, first, bad;

	if (abi_linux_consts(lnx) != n || abi_glibc_consts(glibc) != n) {
		printf("abi tables FAILED: the three tables differ in length\n");
		failed++;
		return;
	}
	for (first = 0; first < n; first = i) {
		bad = 0;
		for (i = first;
		     i < n && !strcmp(ours[i].header, ours[first].header); i++)
			bad += !check_const(i);
		if (bad) {
			failed++;
		} else {
			printf("abi %s ok\n", ours[first].header);
			passed++;
		}
	}
}

/* "struct stat.st_ino" -> length of "struct stat" */
static size_t type_len(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot ? (size_t)(dot - name) : strlen(name);
}

static const struct abi_layout *find_ours(int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(lours[i].name, name))
			return &lours[i];
	return NULL;
}

static void check_layouts(struct abi_layout *ref, int nref, int nours,
			  const char *who)
{
	int i, first, bad;
	size_t len;

	for (first = 0; first < nref; first = i) {
		len = type_len(ref[first].name);
		bad = 0;
		for (i = first; i < nref && type_len(ref[i].name) == len &&
				!strncmp(ref[i].name, ref[first].name, len);
		     i++) {
			const struct abi_layout *o =
				find_ours(nours, ref[i].name);

			if (o && o->offset == ref[i].offset &&
			    o->size == ref[i].size)
				continue;
			bad++;
			if (!o)
				printf("abi %.*s FAILED: %s missing\n",
				       (int)len, ref[i].name, ref[i].name);
			else
				printf("abi %.*s FAILED: %s: expected offset %lu size %lu (%s), "
				       "got offset %lu size %lu\n",
				       (int)len, ref[i].name, ref[i].name,
				       ref[i].offset, ref[i].size, who,
				       o->offset, o->size);
		}
		if (bad) {
			failed++;
		} else {
			printf("abi %.*s (%s) ok\n", (int)len, ref[first].name,
			       who);
			passed++;
		}
	}
}

int main(void)
{
	int nours;

	check_consts();
	nours = abi_ours_layouts(lours);
	check_layouts(llnx, abi_linux_layouts(llnx), nours, "Linux");
	check_layouts(lglibc, abi_glibc_layouts(lglibc), nours, "glibc");
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
