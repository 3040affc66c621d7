/*
 * ktrace command [args]: runs the command and prints the kernel functions
 * its system calls run through, as a call graph (ftrace's function_graph
 * format; in MenuOS the first column is the pid):
 *
 *	  4)               |  __sys_socket(family=2, type=1, protocol=0) {
 *	  4)               |    sock_create(family=2, ...) {
 *	  ...
 *	  4)   38.000 us   |  } = 3
 *
 * The kernel does the tracing (kernel/ktrace.c): writing a pid to
 * /sys/kernel/tracing/set_ftrace_pid traces that process and the children
 * it forks from then on, and /sys/kernel/tracing/trace_pipe gives the
 * lines as they are written. ktrace is the front end, as trace-cmd record
 * -p function_graph -F is on Linux: it forks the command, holds it on a pipe
 * until its pid is in set_ftrace_pid, lets it exec, copies trace_pipe to
 * stdout until the command has exited and the pipe is quiet, then writes
 * an empty line to set_ftrace_pid to stop.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define TRACING	      "/sys/kernel/tracing/"
#define DRAIN_IDLE_MS 300 /* after the command: stop once this quiet */
#define DRAIN_MAX_MS  5000

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec * 1000L + tv.tv_usec / 1000;
}

/* Writes text to a tracefs file; 0, or -1 with errno set. */
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n < 0 ? -1 : 0;
}

/* Copies what trace_pipe holds now to stdout; returns the bytes copied. */
static long copy_trace(int fd)
{
	char buf[4096];
	long total = 0;
	ssize_t n;

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN))
			break;
		n = read(fd, buf, sizeof(buf));
		if (n <= 0)
			break;
		fwrite(buf, 1, n, stdout);
		total += n;
	}
	fflush(stdout);
	return total;
}

/* The command waits on the pipe until its pid is traced, then execs. */
static pid_t start_held(char **argv, int *go)
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p) < 0) {
		perror("ktrace: pipe");
		exit(1);
	}
	pid = fork();
	if (pid < 0) {
		perror("ktrace: fork");
		exit(1);
	}
	if (pid == 0) {
		close(p[1]);
		if (read(p[0], &c, 1) != 1)
			_exit(127); /* ktrace gave up */
		close(p[0]);
		execvp(argv[0], argv);
		fprintf(stderr, "ktrace: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

int main(int argc, char **argv)
{
	char pidline[16];
	int trace_fd, go, status = 0, done = 0;
	long quiet_since = 0, done_at = 0;
	struct sigaction sa;
	pid_t pid;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: ktrace command [args]\n");
		return 2;
	}
	trace_fd = open(TRACING "trace_pipe", O_RDONLY | O_CLOEXEC);
	if (trace_fd < 0) {
		fprintf(stderr, "ktrace: %strace_pipe: %s\n", TRACING,
			strerror(errno));
		return 1;
	}
	/* Linux only: the function_graph tracer, children followed (MenuOS
	 * has one tracer and always follows forks: no such files) */
	write_file(TRACING "current_tracer", "function_graph\n");
	write_file(TRACING "options/function-fork", "1\n");

	pid = start_held(argv + 1, &go);
	snprintf(pidline, sizeof(pidline), "%d\n", (int)pid);
	if (write_file(TRACING "set_ftrace_pid", pidline) < 0) {
		fprintf(stderr, "ktrace: %sset_ftrace_pid: %s\n", TRACING,
			strerror(errno));
		close(go); /* the child exits without running the command */
		waitpid(pid, NULL, 0);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	if (write(go, "g", 1) != 1)
		perror("ktrace: starting the command");
	close(go);

	while (!interrupted) {
		struct pollfd p = { trace_fd, POLLIN, 0 };
		long now;

		poll(&p, 1, 100);
		if (copy_trace(trace_fd))
			quiet_since = now_ms();
		if (!done && waitpid(pid, &status, WNOHANG) == pid) {
			done = 1;
			done_at = quiet_since = now_ms();
		}
		now = now_ms();
		if (done && (now - quiet_since >= DRAIN_IDLE_MS ||
			     now - done_at >= DRAIN_MAX_MS))
			break;
	}
	write_file(TRACING "set_ftrace_pid", "\n");
	copy_trace(trace_fd);
	close(trace_fd);
	if (!done)
		return 130; /* Ctrl-C */
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
