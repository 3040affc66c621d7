/* Our side of the ABI check: every constant and layout of include/uapi,
 * compiled like the kernel (-nostdinc, no libc) as i386. */
#include <stddef.h>
#include "abi_includes.h" /* every header of include/uapi */
#include "abi.h"

/* rt_sigaction(174) on i386 reads Linux's kernel struct sigaction, which no
 * user header exports: handler, flags, restorer, then the 8-byte mask. */
_Static_assert(offsetof(struct k_sigaction, sa_handler) == 0, "sa_handler");
_Static_assert(offsetof(struct k_sigaction, sa_flags) == 4, "sa_flags");
_Static_assert(offsetof(struct k_sigaction, sa_restorer) == 8, "sa_restorer");
_Static_assert(offsetof(struct k_sigaction, sa_mask) == 12, "sa_mask");
_Static_assert(sizeof(struct k_sigaction) == 20, "k_sigaction size");
_Static_assert(sizeof(socket_state) == 4, "socket_state is an int enum");

int abi_ours_consts(struct abi_const *t)
{
	int n = 0;
#define C(name, hdr) \
	t[n++] = (struct abi_const){ #name, hdr, (long long)(long)(name), 1 };
#define U(name, hdr) t[n++] = (struct abi_const){ #name, hdr, 0, 0 };
#include "abi_names.h"
	return n;
}

int abi_ours_layouts(struct abi_layout *t)
{
	int n = 0;
#define SIZE(side, o, l) t[n++] = (struct abi_layout){ #o, 0, sizeof(o) };
#define FIELD(side, o, l, f)                                     \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(o, f), \
				      sizeof(((o *)0)->f) };
#define OFFSET(side, o, l, f) \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(o, f), 0 };
#include "abi_structs.def"
	return n;
}
