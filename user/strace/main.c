/*
 * strace [-f] [-r] [-s N] [-e [trace=]name,...] command [args]: runs the
 * command with every system call of it and of the children it forks
 * printed on stderr as Linux's strace prints them:
 *
 *	socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
 *	connect(3, {sa_family=AF_INET, ...}, 16) = -1 ECONNREFUSED (...)
 *
 * How: the child asks to be traced (PTRACE_TRACEME) and execs the command,
 * which stops it; from then on PTRACE_SYSCALL stops it at each syscall's
 * entry and exit, where PTRACE_GETREGS gives the number and arguments
 * (ebx, ecx, edx, esi, edi, ebp) or the result (eax), and PTRACE_PEEKDATA
 * reads the strings and structures they point to. PTRACE_O_TRACEFORK makes
 * the kernel trace the children too; waitpid(-1, __WALL) sees them all.
 *
 * A call prints its name and input arguments at entry and the rest at exit;
 * when another process prints in between, the first line ends in
 * "<unfinished ...>" and goes on later as "<... read resumed>".
 *
 * -f is accepted and always on. -r also prints a socketcall(102) in its raw,
 * multiplexed form on a line of its own, just before the decoded line:
 *	socketcall(SYS_SOCKET, [2, 1, 0]) = 3
 *	socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "strace.h"

extern char **environ;

#define MAX_TRACEES   64
#define MAX_FILTER    64
#define RESULT_COLUMN 40 /* strace's -a default: "= result" starts here */
#define NR_socketcall 102

static struct tracee tracees[MAX_TRACEES];
static int nprocs; /* live tracees: more than one adds [pid N] */
static struct tracee *printing; /* whose line is open (not ended) */
static int opt_raw;
static const char *filter[MAX_FILTER];
static int nfilter;
static int pid_width = 5;

/* ---- output: stderr, with the column tracked for the "= " alignment ---- */

static char out_buf[8192];
static int out_len, out_col;

static void out_flush(void)
{
	int off = 0;

	while (off < out_len) {
		int n = write(2, out_buf + off, out_len - off);

		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			break;
		}
		off += n;
	}
	out_len = 0;
}

static void out_puts(const char *s)
{
	for (; *s; s++) {
		if (out_len == (int)sizeof(out_buf))
			out_flush();
		out_buf[out_len++] = *s;
		out_col = *s == '\n' ? 0 : out_col + 1;
	}
}

static void out_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static void out_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out_puts(buf);
}

/* Ends the open line of another process with "<unfinished ...>" and starts
 * a line for t, with its pid when more than one process is traced. */
static void begin_line(struct tracee *t)
{
	if (printing == t)
		return;
	if (printing) {
		out_puts(" <unfinished ...>\n");
		printing->unfinished = 1;
	}
	printing = t;
	if (nprocs > 1)
		out_printf("[pid %*d] ", pid_width, t->pid);
}

static void end_line(void)
{
	out_puts("\n");
	printing = NULL;
}

/* ") " then spaces to the result column, then "= result" */
static void print_result(const char *ret)
{
	out_puts(") ");
	while (out_col < RESULT_COLUMN)
		out_puts(" ");
	out_printf("= %s", ret);
	end_line();
}

/* Continues t's line at exit: "<... read resumed>" if it was cut. */
static void resume_line(struct tracee *t, const char *name)
{
	if (printing != t) {
		begin_line(t);
		out_printf("<... %s resumed>", name);
	}
	t->unfinished = 0;
}

/* ---- the tracee table ---- */

static struct tracee *find_tracee(int pid)
{
	int i;

	for (i = 0; i < MAX_TRACEES; i++)
		if (tracees[i].in_use && tracees[i].pid == pid)
			return &tracees[i];
	return NULL;
}

static struct tracee *add_tracee(int pid)
{
	struct tracee *t = find_tracee(pid);
	int i;

	if (t)
		return t;
	for (i = 0; i < MAX_TRACEES; i++) {
		if (!tracees[i].in_use) {
			t = &tracees[i];
			memset(t, 0, sizeof(*t));
			t->in_use = 1;
			t->pid = pid;
			nprocs++;
			return t;
		}
	}
	fprintf(stderr, "strace: more than %d processes\n", MAX_TRACEES);
	return NULL;
}

static void drop_tracee(struct tracee *t)
{
	if (printing == t)
		printing = NULL;
	t->in_use = 0;
	nprocs--;
}

static int filtered_out(const char *name, int via_socketcall)
{
	int i;

	if (nfilter == 0)
		return 0;
	for (i = 0; i < nfilter; i++)
		if (!strcmp(filter[i], name) ||
		    (via_socketcall && !strcmp(filter[i], "socketcall")))
			return 0;
	return 1;
}

/* ---- one syscall stop ---- */

/* "name(" and the arguments up to the first one the call fills in */
static void format_args(struct sbuf *sb, struct call *c, int from, int *next)
{
	int n = call_nargs(c), i;

	for (i = from; i < n; i++) {
		if (!c->exiting && arg_is_out(c, i))
			break;
		if (i > from)
			sb_puts(sb, ", ");
		print_arg(sb, c, i);
	}
	*next = i;
}

/* The raw form of a socketcall: socketcall(SYS_SOCKET, [2, 1, 0] */
static void format_raw_socketcall(struct sbuf *sb, struct tracee *t)
{
	const struct syscall_desc *sc = t->sc;
	int i;

	sb_printf(sb, "socketcall(%s, [", socketcall_name(t->raw[0]));
	for (i = 0; i < sc->nargs; i++) {
		enum arg_kind k = sc->arg[i];
		int number = k == A_FD || k == A_INT || k == A_UINT ||
			     k == A_SOCK_DOMAIN || k == A_SOCK_TYPE ||
			     k == A_SOCK_PROTO || k == A_MSG_FLAGS ||
			     k == A_SHUT_HOW || k == A_SOCKOPT_LEVEL ||
			     k == A_SOCKOPT_NAME || k == A_SOCKCALL_FLAGS;

		if (i)
			sb_puts(sb, ", ");
		if (number)
			sb_printf(sb, "%ld", (long)t->arg[i]);
		else
			print_ptr(sb, t->arg[i]);
	}
	sb_puts(sb, "]");
}

static void syscall_entry(struct tracee *t, const struct user_regs *regs)
{
	static const struct syscall_desc unknown = {
		NULL, 6, { A_HEX, A_HEX, A_HEX, A_HEX, A_HEX, A_HEX }, R_DEC
	};
	struct call c = { t, NULL, t->arg, 0, 0 };
	struct sbuf sb;
	int n;

	t->nr = regs->orig_eax;
	t->arg[0] = regs->ebx;
	t->arg[1] = regs->ecx;
	t->arg[2] = regs->edx;
	t->arg[3] = regs->esi;
	t->arg[4] = regs->edi;
	t->arg[5] = regs->ebp;
	t->sp = regs->esp;
	t->via_socketcall = 0;
	t->sc = syscall_lookup(t->nr);
	if (t->nr == NR_socketcall && socketcall_lookup(regs->ebx) &&
	    peek_mem(t->pid, regs->ecx, t->arg,
		     socketcall_nargs(regs->ebx) * sizeof(long)) == 0) {
		t->raw[0] = regs->ebx;
		t->raw[1] = regs->ecx;
		t->sc = socketcall_lookup(regs->ebx);
		t->via_socketcall = 1;
	}
	if (t->sc) {
		snprintf(t->name, sizeof(t->name), "%s", t->sc->name);
	} else {
		snprintf(t->name, sizeof(t->name), "syscall_%#lx", t->nr);
		t->sc = &unknown;
	}
	t->hidden = filtered_out(t->name, t->via_socketcall);
	if (t->hidden)
		return;
	c.sc = t->sc;
	save_entry_values(&c);
	sb_init(&sb, t->entry_text, sizeof(t->entry_text));
	sb_printf(&sb, "%s(", t->name);
	if (t->nr == 0 && t->interrupted[0])
		sb_printf(&sb, "<... resuming interrupted %s ...>",
			  t->interrupted);
	format_args(&sb, &c, 0, &n);
	t->next_arg = n;
	t->entry_complete = n >= call_nargs(&c);
	if (!t->entry_complete && n > 0)
		sb_puts(&sb, ", ");
	t->raw_line = opt_raw && t->via_socketcall;
	if (t->raw_line) {
		char raw[512];

		sb_init(&sb, raw, sizeof(raw));
		format_raw_socketcall(&sb, t);
		begin_line(t);
		out_puts(raw);
	} else {
		begin_line(t);
		out_puts(t->entry_text);
	}
	out_flush();
}

static void syscall_exit(struct tracee *t, const struct user_regs *regs)
{
	struct call c = { t, t->sc, t->arg, regs->eax, 1 };
	static char rest[4096], ret[1024];
	struct sbuf sb, rb;
	int n;

	/* restart_syscall(0) will say which call it resumes */
	if (c.ret == -516)
		snprintf(t->interrupted, sizeof(t->interrupted), "%s", t->name);
	else if (t->nr != 0)
		t->interrupted[0] = '\0';
	if (t->hidden)
		return;
	sb_init(&sb, rest, sizeof(rest));
	format_args(&sb, &c, t->next_arg, &n);
	sb_init(&rb, ret, sizeof(ret));
	print_ret(&rb, &c);
	if (t->raw_line) {
		resume_line(t, "socketcall");
		print_result(ret);
		begin_line(t);
		out_puts(t->entry_text);
	} else {
		resume_line(t, t->name);
	}
	out_puts(rest);
	print_result(ret);
	out_flush();
}

/* t is gone: close its open call ("= ?") and say how it ended */
static void tracee_died(struct tracee *t, int status)
{
	if (t->in_syscall && !t->hidden) {
		resume_line(t, t->raw_line ? "socketcall" : t->name);
		if (!t->entry_complete)
			out_puts(" <unfinished ...>");
		print_result("?");
	}
	begin_line(t);
	if (WIFEXITED(status)) {
		out_printf("+++ exited with %d +++", WEXITSTATUS(status));
	} else {
		struct sbuf sb;
		char name[32];

		sb_init(&sb, name, sizeof(name));
		print_signal(&sb, WTERMSIG(status));
		out_printf("+++ killed by %s%s +++", name,
			   WCOREDUMP(status) ? " (core dumped)" : "");
	}
	end_line();
	out_flush();
	drop_tracee(t);
}

/* A signal on its way to t (Linux only: MenuOS has no such stop) */
static void signal_stop(struct tracee *t, int sig)
{
	struct sbuf sb;
	char info[512];

	sb_init(&sb, info, sizeof(info));
	print_siginfo(&sb, t->pid, sig);
	begin_line(t);
	out_puts("--- ");
	{
		struct sbuf nb;
		char name[32];

		sb_init(&nb, name, sizeof(name));
		print_signal(&nb, sig);
		out_printf("%s %s ---", name, info);
	}
	end_line();
	out_flush();
}

/* t stopped by a stop signal's default action (a group-stop, which has no
 * siginfo): "--- stopped by SIGTSTP ---". Linux's strace would keep it
 * stopped with PTRACE_LISTEN; this one lets it go on. */
static int group_stop(struct tracee *t, int sig)
{
	int si[32];
	struct sbuf nb;
	char name[32];

	if (ptrace_raw(PTRACE_GETSIGINFO, t->pid, 0, (unsigned long)si) == 0)
		return 0; /* a signal-delivery stop */
	sb_init(&nb, name, sizeof(name));
	print_signal(&nb, sig);
	begin_line(t);
	out_printf("--- stopped by %s ---", name);
	end_line();
	out_flush();
	return 1;
}

/* ---- starting the command ---- */

/* The command's path as execve will get it: with a '/', as given; else
 * the first regular file of that name in $PATH (default /bin). */
static const char *find_program(const char *name)
{
	static char path[512];
	const char *dirs = getenv("PATH"), *end;
	struct stat st;

	if (strchr(name, '/'))
		return name;
	if (!dirs)
		dirs = "/bin";
	for (; *dirs; dirs = *end ? end + 1 : end) {
		end = strchr(dirs, ':');
		if (!end)
			end = dirs + strlen(dirs);
		snprintf(path, sizeof(path), "%.*s/%s", (int)(end - dirs), dirs,
			 name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return path;
	}
	return NULL;
}

static void read_pid_width(void)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	char line[32];

	if (!f)
		return;
	if (fgets(line, sizeof(line), f))
		pid_width = strlen(line) - (strchr(line, '\n') ? 1 : 0);
	fclose(f);
	if (pid_width < 1 || pid_width > 10)
		pid_width = 5;
}

/* The first line: the execve that ran the command (done before we could
 * stop at its entry, so printed from what we passed it). */
static void print_first_execve(struct tracee *t, const char *path, char **argv)
{
	struct sbuf sb;
	static char line[4096];
	int i, n = 0;

	if (filtered_out("execve", 0))
		return;
	sb_init(&sb, line, sizeof(line));
	sb_puts(&sb, "execve(");
	print_quoted(&sb, (const unsigned char *)path, strlen(path), 0, 0);
	sb_puts(&sb, ", [");
	for (i = 0; argv[i]; i++) {
		int len = strlen(argv[i]);

		if (i >= opt_strsize) {
			sb_puts(&sb, ", ...");
			break;
		}
		sb_puts(&sb, i ? ", " : "");
		print_quoted(&sb, (const unsigned char *)argv[i],
			     len > opt_strsize ? opt_strsize : len, 0,
			     len > opt_strsize);
	}
	while (environ && environ[n])
		n++;
	sb_printf(&sb, "], %#lx /* %d var%s */", (unsigned long)environ, n,
		  n == 1 ? "" : "s");
	begin_line(t);
	out_puts(line);
	print_result("0");
	out_flush();
}

static int start_command(const char *path, char **argv)
{
	int pid = fork(), status;

	if (pid < 0) {
		perror("strace: fork");
		exit(1);
	}
	if (pid == 0) {
		if (ptrace_raw(PTRACE_TRACEME, 0, 0, 0) < 0) {
			fprintf(stderr, "strace: PTRACE_TRACEME: %s\n",
				strerror(errno));
			_exit(127);
		}
		execve(path, argv, environ);
		fprintf(stderr, "strace: exec %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	/* the exec stops the child with a SIGTRAP */
	while (waitpid(pid, &status, WAIT_ALL) < 0) {
		if (errno != EINTR) {
			perror("strace: waitpid");
			exit(1);
		}
	}
	if (!WIFSTOPPED(status)) {
		fprintf(stderr, "strace: %s did not start\n", path);
		exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}
	if (ptrace_raw(PTRACE_SETOPTIONS, pid, 0,
		       PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
			       PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
			       PTRACE_O_TRACEEXEC) < 0) {
		fprintf(stderr, "strace: PTRACE_SETOPTIONS: %s\n",
			strerror(errno));
		ptrace_raw(PTRACE_KILL, pid, 0, 0);
		exit(1);
	}
	return pid;
}

static void resume(int pid, int sig)
{
	ptrace_raw(PTRACE_SYSCALL, pid, 0, sig);
}

/* ---- the main loop ---- */

static int trace(int first_pid)
{
	int exit_code = 0;

	while (nprocs > 0) {
		struct user_regs regs;
		struct tracee *t;
		int status, pid, sig, event;

		pid = waitpid(-1, &status, WAIT_ALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		t = find_tracee(pid);
		if (!t) {
			/* a new child can stop before its parent's fork event */
			t = add_tracee(pid);
			if (!t) {
				ptrace_raw(PTRACE_KILL, pid, 0, 0);
				continue;
			}
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == first_pid)
				exit_code = WIFEXITED(status)
						    ? WEXITSTATUS(status)
						    : 128 + WTERMSIG(status);
			tracee_died(t, status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		sig = WSTOPSIG(status);
		event = (status >> 16) & 0xff;
		if (sig == (SIGTRAP | 0x80)) {
			t->started = 1;
			if (ptrace_raw(PTRACE_GETREGS, pid, 0,
				       (unsigned long)&regs) < 0) {
				resume(pid, 0);
				continue;
			}
			if (!t->in_syscall) {
				syscall_entry(t, &regs);
				t->in_syscall = 1;
			} else {
				syscall_exit(t, &regs);
				t->in_syscall = 0;
			}
			resume(pid, 0);
		} else if (event) {
			unsigned long child;

			if ((event == PTRACE_EVENT_FORK ||
			     event == PTRACE_EVENT_VFORK ||
			     event == PTRACE_EVENT_CLONE) &&
			    ptrace_raw(PTRACE_GETEVENTMSG, pid, 0,
				       (unsigned long)&child) == 0)
				add_tracee(child);
			resume(pid, 0);
		} else if (!t->started && (sig == SIGSTOP || sig == SIGTRAP)) {
			t->started = 1; /* a new child's first stop */
			resume(pid, 0);
		} else if (group_stop(t, sig)) {
			resume(pid, 0);
		} else {
			signal_stop(t, sig);
			resume(pid, sig);
		}
	}
	out_flush();
	return exit_code;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: strace [-f] [-r] [-s strsize] [-e [trace=]name,...] "
		"command [args]\n"
		"  -f  follow forks (always on)\n"
		"  -r  also show socketcall(102) in its raw form\n"
		"  -s  longest string printed (default 32)\n"
		"  -e  trace only these syscalls\n");
	exit(2);
}

static void parse_filter(char *expr)
{
	char *name, *save;

	if (!strncmp(expr, "trace=", 6))
		expr += 6;
	for (name = strtok_r(expr, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		if (!syscall_name_known(name)) {
			fprintf(stderr, "strace: invalid system call '%s'\n",
				name);
			exit(1);
		}
		if (nfilter < MAX_FILTER)
			filter[nfilter++] = name;
	}
}

int main(int argc, char **argv)
{
	const char *path;
	struct tracee *t;
	int i, pid;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *opt = argv[i];

		if (!strcmp(opt, "-f") || !strcmp(opt, "-ff")) {
			continue;
		} else if (!strcmp(opt, "-r")) {
			opt_raw = 1;
		} else if (!strcmp(opt, "-e") && i + 1 < argc) {
			parse_filter(argv[++i]);
		} else if (!strncmp(opt, "-e", 2) && opt[2]) {
			parse_filter(argv[i] + 2);
		} else if (!strcmp(opt, "-s") && i + 1 < argc) {
			opt_strsize = atoi(argv[++i]);
		} else if (!strcmp(opt, "--")) {
			i++;
			break;
		} else {
			usage();
		}
	}
	if (i >= argc)
		usage();
	path = find_program(argv[i]);
	if (!path) {
		fprintf(stderr, "strace: Can't stat '%s': %s\n", argv[i],
			strerror(ENOENT));
		return 1;
	}
	read_pid_width();
	pid = start_command(path, argv + i);
	/* Ctrl-C is for the command: strace goes on to report its end */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	t = add_tracee(pid);
	t->started = 1;
	print_first_execve(t, path, argv + i);
	resume(pid, 0);
	return trace(pid);
}
