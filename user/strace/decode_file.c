/*
 * Decoders for files and descriptors: open flags, struct stat, ioctl
 * (termios, window size, interface requests), fcntl, pipe, directory
 * entries, poll and select, readv/writev's iovecs.
 */
#define _GNU_SOURCE
#include <string.h>
#include "strace.h"

/* struct stat of stat(106)/fstat(108), i386 (asm/stat.h) */
struct k_stat {
	unsigned long st_dev, st_ino;
	unsigned short st_mode, st_nlink, st_uid, st_gid;
	unsigned long st_rdev, st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec, unused4, unused5;
};

/* struct stat64 of stat64(195)/fstat64(197), i386 */
struct k_stat64 {
	unsigned long long st_dev;
	unsigned char pad0[4];
	unsigned long ino32;
	unsigned int st_mode, st_nlink;
	unsigned long st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long times[6];
	unsigned long long st_ino;
};

/* the kernel's struct termios (TCGETS), not glibc's */
struct k_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line, c_cc[19];
};

struct k_winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct k_pollfd {
	int fd;
	short events, revents;
};

struct k_timeval {
	long tv_sec, tv_usec;
};

struct k_iovec {
	unsigned long base, len;
};

#define K_O_CREAT	0100
#define K_TCGETS	0x5401
#define K_TCSETS	0x5402
#define K_TCSETSW	0x5403
#define K_TCSETSF	0x5404
#define K_TIOCSCTTY	0x540E
#define K_TIOCGPGRP	0x540F
#define K_TIOCSPGRP	0x5410
#define K_TIOCGWINSZ	0x5413
#define K_TIOCSWINSZ	0x5414
#define K_FIONREAD	0x541B
#define K_TIOCNOTTY	0x5422
#define K_FIONBIO	0x5421
#define K_FIONCLEX	0x5450
#define K_FIOCLEX	0x5451
#define K_SIOCGIFNAME	0x8910
#define K_SIOCGIFFLAGS	0x8913
#define K_SIOCGIFADDR	0x8915
#define K_SIOCGIFMTU	0x8921
#define K_SIOCGIFHWADDR 0x8927
#define K_SIOCGIFINDEX	0x8933

static const struct flag_name open_access[] = {
	{ 0, "O_RDONLY" },
	{ 1, "O_WRONLY" },
	{ 2, "O_RDWR" },
	{ 0, NULL },
};

/* in strace's order */
static const struct flag_name open_flags[] = {
	{ 0100, "O_CREAT" },	    { 0200, "O_EXCL" },
	{ 0400, "O_NOCTTY" },	    { 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" },	    { 04000, "O_NONBLOCK" },
	{ 010000, "O_DSYNC" },	    { 020000, "O_ASYNC" },
	{ 040000, "O_DIRECT" },	    { 0100000, "O_LARGEFILE" },
	{ 0400000, "O_NOFOLLOW" },  { 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },  { 010000000, "O_PATH" },
	{ 0200000, "O_DIRECTORY" }, { 0, NULL },
};

void print_open_flags(struct sbuf *sb, unsigned long flags)
{
	const char *acc = xval_name(open_access, flags & 3);

	if (acc)
		sb_puts(sb, acc);
	else
		sb_printf(sb, "%#lx", flags & 3);
	flags &= ~3UL;
	if (flags) {
		sb_puts(sb, "|");
		print_flags(sb, open_flags, flags, NULL);
	}
}

static const struct flag_name access_modes[] = {
	{ 4, "R_OK" },
	{ 2, "W_OK" },
	{ 1, "X_OK" },
	{ 0, NULL },
};

static const struct flag_name whences[] = {
	{ 0, "SEEK_SET" },  { 1, "SEEK_CUR" },	{ 2, "SEEK_END" },
	{ 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" }, { 0, NULL },
};

static const struct flag_name fcntl_cmds[] = {
	{ 0, "F_DUPFD" },     { 1, "F_GETFD" },
	{ 2, "F_SETFD" },     { 3, "F_GETFL" },
	{ 4, "F_SETFL" },     { 5, "F_GETLK" },
	{ 6, "F_SETLK" },     { 7, "F_SETLKW" },
	{ 8, "F_SETOWN" },    { 9, "F_GETOWN" },
	{ 12, "F_GETLK64" },  { 13, "F_SETLK64" },
	{ 14, "F_SETLKW64" }, { 1030, "F_DUPFD_CLOEXEC" },
	{ 0, NULL },
};

static const struct flag_name fd_flags[] = {
	{ 1, "FD_CLOEXEC" },
	{ 0, NULL },
};

static const struct flag_name pipe_flags[] = {
	{ 04000, "O_NONBLOCK" },
	{ 02000000, "O_CLOEXEC" },
	{ 040000, "O_DIRECT" },
	{ 0, NULL },
};

static const struct flag_name ioctl_names[] = {
	{ K_TCGETS, "TCGETS" },
	{ K_TCSETS, "TCSETS" },
	{ K_TCSETSW, "TCSETSW" },
	{ K_TCSETSF, "TCSETSF" },
	{ K_TIOCSCTTY, "TIOCSCTTY" },
	{ K_TIOCGPGRP, "TIOCGPGRP" },
	{ K_TIOCSPGRP, "TIOCSPGRP" },
	{ K_TIOCGWINSZ, "TIOCGWINSZ" },
	{ K_TIOCSWINSZ, "TIOCSWINSZ" },
	{ K_FIONREAD, "FIONREAD" },
	{ K_TIOCNOTTY, "TIOCNOTTY" },
	{ K_FIONBIO, "FIONBIO" },
	{ K_FIONCLEX, "FIONCLEX" },
	{ K_FIOCLEX, "FIOCLEX" },
	{ K_SIOCGIFNAME, "SIOCGIFNAME" },
	{ K_SIOCGIFFLAGS, "SIOCGIFFLAGS" },
	{ K_SIOCGIFADDR, "SIOCGIFADDR" },
	{ K_SIOCGIFMTU, "SIOCGIFMTU" },
	{ K_SIOCGIFHWADDR, "SIOCGIFHWADDR" },
	{ K_SIOCGIFINDEX, "SIOCGIFINDEX" },
	{ 0, NULL },
};

static const struct flag_name poll_events[] = {
	{ 0x001, "POLLIN" },
	{ 0x002, "POLLPRI" },
	{ 0x004, "POLLOUT" },
	{ 0x008, "POLLERR" },
	{ 0x010, "POLLHUP" },
	{ 0x020, "POLLNVAL" },
	{ 0x040, "POLLRDNORM" },
	{ 0x080, "POLLRDBAND" },
	{ 0x100, "POLLWRNORM" },
	{ 0x200, "POLLWRBAND" },
	{ 0x400, "POLLMSG" },
	{ 0x2000, "POLLRDHUP" },
	{ 0, NULL },
};

static const struct flag_name file_types[] = {
	{ 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" },
	{ 0100000, "S_IFREG" },	 { 0060000, "S_IFBLK" },
	{ 0040000, "S_IFDIR" },	 { 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" },	 { 0, NULL },
};

static const struct flag_name at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },	  { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },	  { 0, NULL },
};

static const struct flag_name mode_bits[] = {
	{ 04000, "S_ISUID" },
	{ 02000, "S_ISGID" },
	{ 01000, "S_ISVTX" },
	{ 0, NULL },
};

int ioctl_arg_is_out(unsigned long request)
{
	switch (request) {
	case K_TCGETS:
	case K_TIOCGPGRP:
	case K_TIOCGWINSZ:
	case K_FIONREAD:
	case K_SIOCGIFNAME:
	case K_SIOCGIFFLAGS:
	case K_SIOCGIFADDR:
	case K_SIOCGIFMTU:
	case K_SIOCGIFHWADDR:
	case K_SIOCGIFINDEX:
		return 1;
	}
	return 0;
}

/* "S_IFREG|0755" */
static void print_mode(struct sbuf *sb, unsigned int mode)
{
	const char *type = xval_name(file_types, mode & 0170000);

	if (type)
		sb_printf(sb, "%s|", type);
	else if (mode & 0170000)
		sb_printf(sb, "%#o|", mode & 0170000);
	if (mode & 07000) {
		print_flags(sb, mode_bits, mode & 07000, NULL);
		sb_puts(sb, "|");
	}
	sb_printf(sb, "0%02o", mode & 0777);
}

/* Linux's dev_t encoding: major in bits 8..19, minor in 0..7 and 20..31 */
static void print_makedev(struct sbuf *sb, unsigned long long dev)
{
	unsigned major = (dev >> 8) & 0xfff;
	unsigned minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	sb_printf(sb, "makedev(%#x, %#x)", major, minor);
}

static void print_stat_fields(struct sbuf *sb, unsigned int mode,
			      unsigned long long rdev, long long size)
{
	sb_puts(sb, "{st_mode=");
	print_mode(sb, mode);
	if ((mode & 0170000) == 0020000 || (mode & 0170000) == 0060000) {
		sb_puts(sb, ", st_rdev=");
		print_makedev(sb, rdev);
	} else {
		sb_printf(sb, ", st_size=%lld", size);
	}
	sb_puts(sb, ", ...}");
}

static void print_stat(struct sbuf *sb, struct call *c, unsigned long addr,
		       int is64)
{
	struct k_stat st;
	struct k_stat64 st64;

	if (c->ret < 0 || !addr) {
		print_ptr(sb, addr);
	} else if (is64) {
		if (peek_mem(c->t->pid, addr, &st64, sizeof(st64)) < 0)
			print_ptr(sb, addr);
		else
			print_stat_fields(sb, st64.st_mode, st64.st_rdev,
					  st64.st_size);
	} else {
		if (peek_mem(c->t->pid, addr, &st, sizeof(st)) < 0)
			print_ptr(sb, addr);
		else
			print_stat_fields(sb, st.st_mode, st.st_rdev,
					  st.st_size);
	}
}

static const struct flag_name bauds[] = {
	{ 0, "B0" },	       { 1, "B50" },	      { 2, "B75" },
	{ 3, "B110" },	       { 4, "B134" },	      { 5, "B150" },
	{ 6, "B200" },	       { 7, "B300" },	      { 8, "B600" },
	{ 9, "B1200" },	       { 10, "B1800" },	      { 11, "B2400" },
	{ 12, "B4800" },       { 13, "B9600" },	      { 14, "B19200" },
	{ 15, "B38400" },      { 010001, "B57600" },  { 010002, "B115200" },
	{ 010003, "B230400" }, { 010004, "B460800" }, { 0, NULL },
};

/* strace's short form: {B38400 opost isig icanon echo ...} */
static void print_termios(struct sbuf *sb, int pid, unsigned long addr)
{
	struct k_termios tio;

	if (peek_mem(pid, addr, &tio, sizeof(tio)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "{");
	print_xval(sb, bauds, tio.c_cflag & 010017, "B???");
	sb_printf(sb, " %sopost %sisig %sicanon %secho ...}",
		  (tio.c_oflag & 1) ? "" : "-", (tio.c_lflag & 1) ? "" : "-",
		  (tio.c_lflag & 2) ? "" : "-", (tio.c_lflag & 010) ? "" : "-");
}

/* struct ifreq: the name, and the field a SIOCGIF* request fills */
static void print_ifreq(struct sbuf *sb, struct call *c, unsigned long addr)
{
	unsigned char ifr[32];
	int *value = (int *)(ifr + 16);

	if (peek_mem(c->t->pid, addr, ifr, sizeof(ifr)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	ifr[15] = '\0';
	if (c->arg[1] == K_SIOCGIFNAME) {
		sb_printf(sb, "{ifr_ifindex=%d", *value);
		if (c->ret >= 0)
			sb_printf(sb, ", ifr_name=\"%s\"", (char *)ifr);
		sb_puts(sb, "}");
		return;
	}
	sb_printf(sb, "{ifr_name=\"%s\"", (char *)ifr);
	if (c->ret < 0) {
		sb_puts(sb, "}");
		return;
	}
	switch (c->arg[1]) {
	case K_SIOCGIFINDEX:
		sb_printf(sb, ", ifr_ifindex=%d}", *value);
		break;
	case K_SIOCGIFMTU:
		sb_printf(sb, ", ifr_mtu=%d}", *value);
		break;
	case K_SIOCGIFFLAGS:
		sb_printf(sb, ", ifr_flags=%#x}", *(unsigned short *)value);
		break;
	case K_SIOCGIFADDR:
		sb_puts(sb, ", ifr_addr=");
		print_sockaddr_at(sb, c->t->pid, addr + 16, 16);
		sb_puts(sb, "}");
		break;
	default:
		sb_puts(sb, ", ...}");
	}
}

static void print_int_at(struct sbuf *sb, int pid, unsigned long addr)
{
	int v;

	if (!addr || peek_mem(pid, addr, &v, sizeof(v)) < 0)
		print_ptr(sb, addr);
	else
		sb_printf(sb, "[%d]", v);
}

static void print_ioctl_arg(struct sbuf *sb, struct call *c)
{
	unsigned long addr = c->arg[2];
	int pid = c->t->pid;
	struct k_winsize ws;

	if (ioctl_arg_is_out(c->arg[1]) && c->ret < 0 &&
	    (c->arg[1] < K_SIOCGIFNAME || c->arg[1] > K_SIOCGIFINDEX)) {
		print_ptr(sb, addr);
		return;
	}
	switch (c->arg[1]) {
	case K_TCGETS:
	case K_TCSETS:
	case K_TCSETSW:
	case K_TCSETSF:
		print_termios(sb, pid, addr);
		break;
	case K_TIOCGWINSZ:
	case K_TIOCSWINSZ:
		if (peek_mem(pid, addr, &ws, sizeof(ws)) < 0)
			print_ptr(sb, addr);
		else
			sb_printf(sb,
				  "{ws_row=%u, ws_col=%u, ws_xpixel=%u, "
				  "ws_ypixel=%u}",
				  ws.ws_row, ws.ws_col, ws.ws_xpixel,
				  ws.ws_ypixel);
		break;
	case K_TIOCGPGRP:
	case K_TIOCSPGRP:
	case K_FIONREAD:
	case K_FIONBIO:
		print_int_at(sb, pid, addr);
		break;
	case K_TIOCSCTTY:
		sb_printf(sb, "%ld", (long)addr);
		break;
	case K_SIOCGIFNAME:
	case K_SIOCGIFFLAGS:
	case K_SIOCGIFADDR:
	case K_SIOCGIFMTU:
	case K_SIOCGIFHWADDR:
	case K_SIOCGIFINDEX:
		print_ifreq(sb, c, addr);
		break;
	default:
		print_ptr(sb, addr);
	}
}

static void print_fcntl_arg(struct sbuf *sb, struct call *c)
{
	unsigned long v = c->arg[2];

	switch (c->arg[1]) {
	case 2: /* F_SETFD */
		print_flags(sb, fd_flags, v, NULL);
		break;
	case 4: /* F_SETFL */
		print_open_flags(sb, v);
		break;
	case 0: /* F_DUPFD */
	case 1030: /* F_DUPFD_CLOEXEC */
	case 8: /* F_SETOWN */
		sb_printf(sb, "%ld", (long)v);
		break;
	default:
		print_ptr(sb, v);
	}
}

void print_fcntl_ret(struct sbuf *sb, struct call *c)
{
	long ret = c->ret;

	switch (c->arg[1]) {
	case 3: /* F_GETFL */
		sb_printf(sb, "%#lx (flags ", ret);
		print_open_flags(sb, ret);
		sb_puts(sb, ")");
		break;
	case 1: /* F_GETFD */
		if (ret == 0) {
			sb_puts(sb, "0");
			break;
		}
		sb_printf(sb, "%#lx (flags ", ret);
		print_flags(sb, fd_flags, ret, NULL);
		sb_puts(sb, ")");
		break;
	default:
		sb_printf(sb, "%ld", ret);
	}
}

static void print_pipe(struct sbuf *sb, struct call *c, unsigned long addr)
{
	int fds[2];

	if (c->ret < 0 || peek_mem(c->t->pid, addr, fds, sizeof(fds)) < 0)
		print_ptr(sb, addr);
	else
		sb_printf(sb, "[%d, %d]", fds[0], fds[1]);
}

/* getdents/getdents64: "0x... \/\* 5 entries *\/" */
static void print_dirents(struct sbuf *sb, struct call *c, unsigned long addr)
{
	int is64 = c->sc->name[8] == '6';
	long off = 0, n = 0;
	unsigned short reclen;

	if (c->ret < 0) {
		print_ptr(sb, addr);
		return;
	}
	while (off < c->ret) {
		if (peek_mem(c->t->pid, addr + off + (is64 ? 16 : 8), &reclen,
			     sizeof(reclen)) < 0 ||
		    reclen == 0)
			break;
		off += reclen;
		n++;
	}
	print_ptr(sb, addr);
	sb_printf(sb, " /* %ld entries */", n);
}

static void print_pollfds(struct sbuf *sb, struct call *c, int revents)
{
	unsigned long addr = c->arg[0], n = c->arg[1], i;
	struct k_pollfd p;
	int first = 1;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (n > 0 && peek_mem(c->t->pid, addr, &p, sizeof(p)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "[");
	for (i = 0; i < n; i++) {
		if (i >= (unsigned long)opt_strsize) {
			sb_puts(sb, ", ...");
			break;
		}
		if (peek_mem(c->t->pid, addr + i * sizeof(p), &p, sizeof(p)) <
		    0) {
			sb_printf(sb, "%s... /* %#lx */", first ? "" : ", ",
				  addr + i * sizeof(p));
			break;
		}
		if (revents && !p.revents)
			continue;
		if (p.fd < 0 && !revents) {
			sb_printf(sb, "%s{fd=%d}", first ? "" : ", ", p.fd);
			first = 0;
			continue;
		}
		sb_printf(sb, "%s{fd=%d, %s=", first ? "" : ", ", p.fd,
			  revents ? "revents" : "events");
		print_flags(sb, poll_events,
			    (unsigned short)(revents ? p.revents : p.events),
			    NULL);
		sb_puts(sb, "}");
		first = 0;
	}
	sb_puts(sb, "]");
}

void print_poll_ret(struct sbuf *sb, struct call *c)
{
	sb_printf(sb, "%ld", c->ret);
	if (c->ret == 0) {
		sb_puts(sb, " (Timeout)");
	} else if (c->ret > 0) {
		sb_puts(sb, " (");
		print_pollfds(sb, c, 1);
		sb_puts(sb, ")");
	}
}

/* an fd_set of nfds bits: "[3 4]" */
static int print_fdset(struct sbuf *sb, int pid, unsigned long addr, long nfds)
{
	unsigned char bits[128];
	long bytes = (nfds + 7) / 8, fd;
	int first = 1;

	if (!addr) {
		sb_puts(sb, "NULL");
		return 0;
	}
	if (nfds < 0 || bytes > (long)sizeof(bits) ||
	    peek_mem(pid, addr, bits, (bytes + 3) & ~3L) < 0) {
		print_ptr(sb, addr);
		return 0;
	}
	sb_puts(sb, "[");
	for (fd = 0; fd < nfds; fd++) {
		if (bits[fd / 8] & (1 << (fd % 8))) {
			sb_printf(sb, "%s%ld", first ? "" : " ", fd);
			first = 0;
		}
	}
	sb_puts(sb, "]");
	return !first;
}

static void print_timeval_at(struct sbuf *sb, int pid, unsigned long addr)
{
	struct k_timeval tv;

	if (!addr || peek_mem(pid, addr, &tv, sizeof(tv)) < 0)
		print_ptr(sb, addr);
	else
		sb_printf(sb, "{tv_sec=%ld, tv_usec=%lu}", tv.tv_sec,
			  (unsigned long)tv.tv_usec);
}

void print_select_ret(struct sbuf *sb, struct call *c)
{
	static const char *const names[] = { "in", "out", "except" };
	int i, any = 0;

	sb_printf(sb, "%ld", c->ret);
	if (c->ret == 0) {
		sb_puts(sb, " (Timeout)");
		return;
	}
	sb_puts(sb, " (");
	for (i = 0; i < 3; i++) {
		struct sbuf part;
		char buf[512];

		if (!c->arg[1 + i])
			continue;
		sb_init(&part, buf, sizeof(buf));
		if (print_fdset(&part, c->t->pid, c->arg[1 + i], c->arg[0])) {
			sb_printf(sb, "%s%s %s", any ? ", " : "", names[i],
				  buf);
			any = 1;
		}
	}
	if (c->arg[4]) {
		sb_printf(sb, "%sleft ", any ? ", " : "");
		print_timeval_at(sb, c->t->pid, c->arg[4]);
	}
	sb_puts(sb, ")");
}

/* iovecs; at exit (readv, recvmsg) only the first `total` bytes hold data */
void print_iovec_at(struct sbuf *sb, int pid, unsigned long addr,
		    unsigned long n, long total)
{
	struct k_iovec iov;
	unsigned long i;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (n > 0 && peek_mem(pid, addr, &iov, sizeof(iov)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "[");
	for (i = 0; i < n; i++) {
		if (i >= (unsigned long)opt_strsize) {
			sb_puts(sb, ", ...");
			break;
		}
		if (peek_mem(pid, addr + i * sizeof(iov), &iov, sizeof(iov)) <
		    0) {
			sb_printf(sb, "%s... /* %#lx */", i ? ", " : "",
				  addr + i * sizeof(iov));
			break;
		}
		sb_printf(sb, "%s{iov_base=", i ? ", " : "");
		if (total < 0) {
			print_buf_at(sb, pid, iov.base, iov.len);
		} else {
			long len = (long)iov.len < total ? (long)iov.len
							 : total;

			print_buf_at(sb, pid, iov.base, len);
			total -= len;
		}
		sb_printf(sb, ", iov_len=%lu}", iov.len);
	}
	sb_puts(sb, "]");
}

void print_file_arg(struct sbuf *sb, struct call *c, int i)
{
	unsigned long v = c->arg[i];
	int pid = c->t->pid;

	switch (c->sc->arg[i]) {
	case A_CWD_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_str_at(sb, pid, v, 4096, 1);
		break;
	case A_LINK_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_buf_at(sb, pid, v, c->ret);
		break;
	case A_OPEN_FLAGS:
		print_open_flags(sb, v);
		break;
	case A_AT_FLAGS:
		print_flags(sb, at_flags, v, NULL);
		break;
	case A_ACCESS_MODE:
		print_flags(sb, access_modes, v, "F_OK");
		break;
	case A_WHENCE:
		print_xval(sb, whences, v, "%#lx /* SEEK_??? */");
		break;
	case A_FCNTL_CMD:
		print_xval(sb, fcntl_cmds, v, "%#lx /* F_??? */");
		break;
	case A_FCNTL_ARG:
		print_fcntl_arg(sb, c);
		break;
	case A_IOCTL_REQ:
		print_xval(sb, ioctl_names, v, "%#lx");
		break;
	case A_IOCTL_ARG:
		print_ioctl_arg(sb, c);
		break;
	case A_PIPE_OUT:
		print_pipe(sb, c, v);
		break;
	case A_PIPE_FLAGS:
		print_flags(sb, pipe_flags, v, NULL);
		break;
	case A_STAT_OUT:
		print_stat(sb, c, v, 0);
		break;
	case A_STAT64_OUT:
		print_stat(sb, c, v, 1);
		break;
	case A_DIRENTS_OUT:
		print_dirents(sb, c, v);
		break;
	case A_POLLFDS:
		print_pollfds(sb, c, 0);
		break;
	case A_POLL_TIMEOUT:
		sb_printf(sb, "%ld", (long)v);
		break;
	case A_FDSET_IN:
		print_fdset(sb, pid, v, c->arg[0]);
		break;
	case A_TIMEVAL_IN:
		print_timeval_at(sb, pid, v);
		break;
	case A_IOVEC_IN:
		print_iovec_at(sb, pid, v, c->arg[i + 1], -1);
		break;
	case A_IOVEC_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_iovec_at(sb, pid, v, c->arg[i + 1], c->ret);
		break;
	default:
		print_proc_arg(sb, c, i);
	}
}

/* How many arguments this call prints: open's mode only with O_CREAT, ... */
int call_nargs(const struct call *c)
{
	const struct syscall_desc *sc = c->sc;
	int i;

	for (i = 0; i < sc->nargs; i++) {
		if (sc->arg[i] == A_OPEN_FLAGS && !(c->arg[i] & K_O_CREAT))
			return i + 1;
		if (sc->arg[i] == A_FCNTL_CMD &&
		    (c->arg[i] == 1 || c->arg[i] == 3 || c->arg[i] == 9))
			return i + 1;
		if (sc->arg[i] == A_IOCTL_REQ &&
		    (c->arg[i] == K_FIOCLEX || c->arg[i] == K_FIONCLEX ||
		     c->arg[i] == K_TIOCNOTTY))
			return i + 1;
		if (sc->arg[i] == A_REBOOT_CMD && c->arg[i] != 0xA1B2C3D4)
			return i + 1;
		if (sc->arg[i] == A_PTRACE_REQ && c->arg[i] == PTRACE_TRACEME)
			return i + 1;
	}
	return sc->nargs;
}
