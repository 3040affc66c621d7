/*
 * How one argument and one result print: the dispatcher over the argument
 * kinds of the syscall table, strace's string quoting ("hello\n",
 * cut at 32 bytes with "..."), flag sets (O_RDWR|O_CLOEXEC) and results
 * (= 3, = -1 ECONNREFUSED (Connection refused)).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "strace.h"

int opt_strsize = 32;

void sb_init(struct sbuf *sb, char *buf, int size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	buf[0] = '\0';
}

void sb_puts(struct sbuf *sb, const char *s)
{
	while (*s && sb->len < sb->size - 1)
		sb->buf[sb->len++] = *s++;
	sb->buf[sb->len] = '\0';
}

void sb_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->len >= sb->size - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		sb->len += n;
	if (sb->len > sb->size - 1)
		sb->len = sb->size - 1;
}

void print_ptr(struct sbuf *sb, unsigned long p)
{
	if (p)
		sb_printf(sb, "%#lx", p);
	else
		sb_puts(sb, "NULL");
}

/* strace's quoting: C escapes for \t \n \v \f \r, \" and \\, other
 * unprintable bytes in octal with as few digits as the next byte allows. */
void print_quoted(struct sbuf *sb, const unsigned char *s, int len,
		  int nul_terminated, int cut)
{
	char out[8];
	int i;

	sb_puts(sb, "\"");
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];
		char *o = out;

		if (nul_terminated && c == '\0')
			break;
		switch (c) {
		case '"':
		case '\\':
			*o++ = '\\';
			*o++ = c;
			break;
		case '\t':
			*o++ = '\\';
			*o++ = 't';
			break;
		case '\n':
			*o++ = '\\';
			*o++ = 'n';
			break;
		case '\v':
			*o++ = '\\';
			*o++ = 'v';
			break;
		case '\f':
			*o++ = '\\';
			*o++ = 'f';
			break;
		case '\r':
			*o++ = '\\';
			*o++ = 'r';
			break;
		default:
			if (c >= ' ' && c <= 0x7e) {
				*o++ = c;
				break;
			}
			*o++ = '\\';
			if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7') {
				*o++ = '0' + (c >> 6);
				*o++ = '0' + ((c >> 3) & 7);
			} else if (c >> 3) {
				if (c >> 6)
					*o++ = '0' + (c >> 6);
				*o++ = '0' + ((c >> 3) & 7);
			}
			*o++ = '0' + (c & 7);
		}
		*o = '\0';
		sb_puts(sb, out);
	}
	sb_puts(sb, "\"");
	if (cut)
		sb_puts(sb, "...");
}

/* A NUL-terminated string of the tracee: paths whole, others cut at -s. */
void print_str_at(struct sbuf *sb, int pid, unsigned long addr, int max,
		  int path)
{
	static char buf[4097];
	int n;

	if (max > (int)sizeof(buf) - 1)
		max = sizeof(buf) - 1;
	n = peek_str(pid, addr, buf, max);
	if (n < 0) {
		print_ptr(sb, addr);
		return;
	}
	(void)path;
	print_quoted(sb, (unsigned char *)buf, n > max ? max : n, 0, n > max);
}

/* len bytes of the tracee, the first -s of them shown */
void print_buf_at(struct sbuf *sb, int pid, unsigned long addr, long len)
{
	static unsigned char buf[4096];
	long n = len;

	if (n > opt_strsize)
		n = opt_strsize;
	if (n > (long)sizeof(buf))
		n = sizeof(buf);
	if (!addr || peek_mem(pid, addr, buf, n) < 0) {
		print_ptr(sb, addr);
		return;
	}
	print_quoted(sb, buf, n, 0, len > n);
}

const char *xval_name(const struct flag_name *names, long value)
{
	for (; names->name; names++)
		if ((long)names->value == value)
			return names->name;
	return NULL;
}

void print_xval(struct sbuf *sb, const struct flag_name *names, long value,
		const char *fallback_fmt)
{
	const char *name = xval_name(names, value);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, fallback_fmt, value);
}

void print_flags(struct sbuf *sb, const struct flag_name *names,
		 unsigned long value, const char *zero_name)
{
	print_flags_or(sb, names, value, zero_name, NULL);
}

void print_flags_or(struct sbuf *sb, const struct flag_name *names,
		    unsigned long value, const char *zero_name,
		    const char *unknown)
{
	int first = 1;

	for (; names->name; names++) {
		if (names->value && (value & names->value) == names->value) {
			sb_printf(sb, "%s%s", first ? "" : "|", names->name);
			value &= ~names->value;
			first = 0;
		}
	}
	if (value && first && unknown)
		sb_printf(sb, "%#lx /* %s */", value, unknown);
	else if (value)
		sb_printf(sb, "%s%#lx", first ? "" : "|", value);
	else if (first)
		sb_puts(sb, zero_name ? zero_name : "0");
}

static void print_octal(struct sbuf *sb, unsigned long v)
{
	sb_printf(sb, "0%02lo", v);
}

int arg_is_out(const struct call *c, int i)
{
	switch (c->sc->arg[i]) {
	case A_BUF_OUT:
	case A_CWD_OUT:
	case A_LINK_OUT:
	case A_PIPE_OUT:
	case A_SIGACTION_OUT:
	case A_SIGSET_OUT:
	case A_WAIT_STATUS:
	case A_RUSAGE_OUT:
	case A_TIMESPEC_OUT:
	case A_NANOSLEEP_REM:
	case A_TIMEVAL_OUT:
	case A_TIMEZONE_OUT:
	case A_TIME_OUT:
	case A_STAT_OUT:
	case A_STAT64_OUT:
	case A_UTSNAME_OUT:
	case A_SYSINFO_OUT:
	case A_DIRENTS_OUT:
	case A_SOCKADDR_OUT:
	case A_SOCKPAIR_OUT:
	case A_SOCKOPT_VAL_OUT:
	case A_MSGHDR_OUT:
	case A_MMSGHDR_IN:
	case A_MMSGHDR_OUT:
	case A_IOVEC_OUT:
	case A_RLIMIT_OUT:
		return 1;
	case A_IOCTL_ARG:
		return ioctl_arg_is_out(c->arg[1]);
	default:
		return 0;
	}
}

void print_arg(struct sbuf *sb, struct call *c, int i)
{
	unsigned long v = c->arg[i];
	int pid = c->t->pid;

	switch (c->sc->arg[i]) {
	case A_NONE:
		break;
	case A_INT:
		sb_printf(sb, "%ld", (long)v);
		break;
	case A_UINT:
		sb_printf(sb, "%lu", v);
		break;
	case A_HEX:
		sb_printf(sb, "%#lx", v);
		break;
	case A_OCT:
		print_octal(sb, v);
		break;
	case A_PTR:
		print_ptr(sb, v);
		break;
	case A_FD:
		if ((long)v == -100)
			sb_puts(sb, "AT_FDCWD");
		else
			sb_printf(sb, "%ld", (long)v);
		break;
	case A_PATH:
		print_str_at(sb, pid, v, 4096, 1);
		break;
	case A_STR:
		print_str_at(sb, pid, v, opt_strsize, 0);
		break;
	case A_BUF_IN:
		print_buf_at(sb, pid, v, c->arg[i + 1]);
		break;
	case A_BUF_OUT: /* recv(MSG_TRUNC) may return more than it filled */
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_buf_at(sb, pid, v,
				     c->ret < (long)c->arg[i + 1]
					     ? c->ret
					     : (long)c->arg[i + 1]);
		break;
	default:
		print_file_arg(sb, c, i);
		break;
	}
}

/* seconds since 1970 and the date: "1700000000 (2023-11-14T22:13:20+0000)",
 * the date in a comment inside a structure */
void print_time_t(struct sbuf *sb, long seconds, int in_struct)
{
	time_t t = seconds;
	struct tm tm;

	sb_printf(sb, "%ld", seconds);
	if (!gmtime_r(&t, &tm))
		return;
	sb_printf(sb,
		  in_struct ? " /* %04d-%02d-%02dT%02d:%02d:%02d+0000 */"
			    : " (%04d-%02d-%02dT%02d:%02d:%02d+0000)",
		  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		  tm.tm_min, tm.tm_sec);
}

static const struct {
	int err;
	const char *name, *message;
} restart_errors[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 515, "ENOIOCTLCMD", "No ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
};

void print_ret(struct sbuf *sb, struct call *c)
{
	long ret = c->ret;
	unsigned i;

	if (ret < 0 && ret >= -4095) {
		int err = -ret;
		const char *name = strerrorname_np(err);

		for (i = 0;
		     i < sizeof(restart_errors) / sizeof(restart_errors[0]);
		     i++) {
			if (restart_errors[i].err == err) {
				sb_printf(sb, "? %s (%s)",
					  restart_errors[i].name,
					  restart_errors[i].message);
				return;
			}
		}
		if (name)
			sb_printf(sb, "-1 %s (%s)", name, strerror(err));
		else
			sb_printf(sb, "-1 E??? (errno %d)", err);
		return;
	}
	switch (c->sc->ret) {
	case R_HEX:
		sb_printf(sb, "%#lx", (unsigned long)ret);
		break;
	case R_OCT:
		print_octal(sb, ret);
		break;
	case R_NONE:
		sb_puts(sb, "?");
		break;
	case R_FCNTL:
		print_fcntl_ret(sb, c);
		break;
	case R_POLL:
		print_poll_ret(sb, c);
		break;
	case R_SELECT:
		print_select_ret(sb, c);
		break;
	case R_TIME:
		print_time_t(sb, ret, 0);
		break;
	default:
		sb_printf(sb, "%ld", ret);
	}
}
