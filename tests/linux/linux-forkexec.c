/*
 * linux-forkexec: fork, execve and wait as a Linux shell does them (glibc,
 * static, unmodified on MenuOS). The parent starts children that
 *   - execve this program again ("child" mode) with arguments and an
 *     environment, and exit with a status the parent checks;
 *   - write into a pipe that is their stdout (dup2), read by the parent;
 *   - execve a file that does not exist (ENOENT reaches the child);
 *   - are killed by a signal (WIFSIGNALED, WTERMSIG).
 * Prints "linux-forkexec: <case> ok" per case, then a summary line.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SELF "/bin/linux-forkexec"

static int passed, failed;
static const char *self = SELF;

static void check(int ok, const char *name, const char *detail)
{
	if (ok) {
		passed++;
		printf("linux-forkexec: %s ok\n", name);
	} else {
		failed++;
		printf("linux-forkexec: %s FAILED: %s\n", name, detail);
	}
}

/* "child CODE WORD": prints its arguments and GREETING, exits with CODE. */
static int child_main(int argc, char **argv)
{
	const char *greeting = getenv("GREETING");

	printf("child pid %d ppid %d argc %d word %s greeting %s\n",
	       (int)getpid(), (int)getppid(), argc, argc > 3 ? argv[3] : "-",
	       greeting ? greeting : "(none)");
	return atoi(argv[2]);
}

static pid_t spawn(char *const argv[], char *const envp[], int out_fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (out_fd >= 0) {
			dup2(out_fd, 1);
			close(out_fd);
		}
		execve(argv[0], argv, envp);
		_exit(errno == ENOENT ? 127 : 126);
	}
	return pid;
}

static void exec_case(void)
{
	char *argv[] = { (char *)self, "child", "42", "apple", NULL };
	char *envp[] = { "GREETING=hi-from-parent", NULL };
	char detail[64];
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = spawn(argv, envp, -1);
	check(pid > 0, "fork", strerror(errno));
	if (pid < 0)
		return;
	check(waitpid(pid, &status, 0) == pid, "waitpid", "wrong pid");
	snprintf(detail, sizeof(detail), "status 0x%x", status);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42, "exit-status",
	      detail);
}

static void pipe_case(void)
{
	char *argv[] = { (char *)self, "child", "0", "banana", NULL };
	char *envp[] = { NULL };
	char buf[256] = "";
	int p[2], status, n, total = 0;
	pid_t pid;

	pipe(p);
	pid = spawn(argv, envp, p[1]);
	close(p[1]);
	if (pid < 0) {
		check(0, "pipe-stdout", strerror(errno));
		close(p[0]);
		return;
	}
	while ((n = read(p[0], buf + total, sizeof(buf) - 1 - total)) > 0)
		total += n;
	buf[total] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	check(strstr(buf, "word banana greeting (none)") != NULL &&
		      WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "pipe-stdout", buf);
}

static void missing_case(void)
{
	char *argv[] = { "/bin/no-such-program", NULL };
	char *envp[] = { NULL };
	char detail[64];
	int status = -1;
	pid_t pid = spawn(argv, envp, -1);

	if (pid < 0) {
		check(0, "execve-enoent", strerror(errno));
		return;
	}
	waitpid(pid, &status, 0);
	snprintf(detail, sizeof(detail), "status 0x%x", status);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 127, "execve-enoent",
	      detail);
}

static void signal_case(void)
{
	char detail[64];
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		pause();
		_exit(0);
	}
	if (pid < 0) { /* never kill(-1, ...): that is every process */
		check(0, "fork-to-kill", strerror(errno));
		return;
	}
	check(waitpid(pid, &status, WNOHANG) == 0, "wnohang",
	      "a sleeping child was reaped");
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	snprintf(detail, sizeof(detail), "status 0x%x", status);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	      "killed-by-signal", detail);
	check(wait(&status) < 0 && errno == ECHILD, "echild",
	      "wait with no children left");
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "child") == 0)
		return child_main(argc, argv);
	if (argc > 1)
		self = argv[1]; /* where this program is (the host's tests) */
	setvbuf(stdout, NULL, _IOLBF, 0);
	exec_case();
	pipe_case();
	missing_case();
	signal_case();
	printf("linux-forkexec: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
