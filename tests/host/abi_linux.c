/* Linux's side of the ABI check, from the kernel's own user-space headers
 * (the i386 ones, /usr/i686-linux-gnu/include). No glibc header here: some
 * kernel headers hide their definitions when glibc's are around. */
#include <stddef.h>
#include <asm/errno.h>
#include <asm/fcntl.h>
#include <asm/ioctls.h>
#include <asm/poll.h>
#include <asm/signal.h>
#include <asm/socket.h>
#include <asm/stat.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <asm/unistd_32.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/reboot.h>
#include <linux/socket.h>
#include <linux/stat.h>
#include <linux/tcp.h>
#include <linux/time.h>
#include <linux/uio.h>
#include <linux/utsname.h>
#include <linux/wait.h>
#include "abi_includes.h" /* Linux's headers named like ours */
#include "abi.h"

/* asm/socket.h picks SO_RCVTIMEO by the size of the user's time_t;
 * i386 programs built for MenuOS have a 32-bit one. */
typedef long time_t;

int abi_linux_consts(struct abi_const *t)
{
	int n = 0;
#define C(name, hdr) \
	t[n++] = (struct abi_const){ #name, hdr, (long long)(long)(name), 1 };
#define U(name, hdr) t[n++] = (struct abi_const){ #name, hdr, 0, 0 };
#include "abi_names.h"
	return n;
}

int abi_linux_layouts(struct abi_layout *t)
{
	int n = 0;
#define SIZE_K(o, l) t[n++] = (struct abi_layout){ #o, 0, sizeof(l) };
#define FIELD_K(o, l, f)                                         \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(l, f), \
				      sizeof(((l *)0)->f) };
#define OFFSET_K(o, l, f) \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(l, f), 0 };
#define SIZE_G(o, l)
#define FIELD_G(o, l, f)
#define OFFSET_G(o, l, f)
#define SIZE(side, o, l)      SIZE_##side(o, l)
#define FIELD(side, o, l, f)  FIELD_##side(o, l, f)
#define OFFSET(side, o, l, f) OFFSET_##side(o, l, f)
#include "abi_structs.def"
	return n;
}
