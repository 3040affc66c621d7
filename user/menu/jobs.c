/*
 * Running programs and keeping track of background jobs (see jobs.h).
 *
 * Each program runs in its own process group. A foreground program's group
 * becomes the terminal's foreground group, so Ctrl-C (SIGINT from the
 * terminal) reaches the program and not the shell; when it ends the shell
 * takes the terminal back. Background programs never get the terminal.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

struct job {
	pid_t pid; /* 0: a free slot */
	char cmd[64]; /* the command line, for the reports */
};

/* Job number n is jobs[n - 1]. */
static struct job jobs[MAX_JOBS];

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",
	[SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS",   [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1",
	[SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM",
	[SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
	[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU",
	[SIGURG] = "SIGURG",   [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM",
	[SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH",
	[SIGIO] = "SIGIO",     [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

#define NR_SIGNAL_NAMES ((int)(sizeof(signal_names) / sizeof(signal_names[0])))

const char *SignalName(int sig)
{
	if (sig <= 0 || sig >= NR_SIGNAL_NAMES)
		return NULL;
	return signal_names[sig];
}

int SignalNumber(const char *name)
{
	char *end;
	long number = strtol(name, &end, 10);
	int sig;

	if (end != name && *end == '\0')
		return number >= 0 && number <= 64 ? (int)number : -1;
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (sig = 1; sig < NR_SIGNAL_NAMES; sig++) {
		if (signal_names[sig] != NULL &&
		    strcmp(signal_names[sig] + 3, name) == 0)
			return sig;
	}
	return -1;
}

static void SetSignal(int sig, void (*handler)(int))
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_handler = handler;
	sigemptyset(&action.sa_mask);
	sigaction(sig, &action, NULL);
}

/*
 * SIGTTOU: the shell calls tcsetpgrp while not in the foreground group,
 * which Linux answers with SIGTTOU. SIGTSTP, SIGTTIN: MenuOS has no stopped
 * jobs (no fg, no bg), so Ctrl-Z does nothing and a background job that
 * reads the terminal gets an error instead of stopping forever. Programs
 * inherit these three; SIGINT and SIGQUIT are reset for them in RunChild.
 */
void InitJobControl(void)
{
	SetSignal(SIGQUIT, SIG_IGN);
	SetSignal(SIGTSTP, SIG_IGN);
	SetSignal(SIGTTIN, SIG_IGN);
	SetSignal(SIGTTOU, SIG_IGN);
	tcsetpgrp(STDIN_FILENO, getpgrp()); /* fails harmlessly if no tty */
}

/* In the child of fork: becomes the program at path. Never returns. */
static void RunChild(const char *path, char *argv[], int background)
{
	/*
	 * The parent does the same two calls; whichever of us runs first,
	 * the program is in its own group and owns the terminal before it
	 * can read from it.
	 */
	setpgid(0, 0);
	if (!background)
		tcsetpgrp(STDIN_FILENO, getpid());
	SetSignal(SIGINT, SIG_DFL);
	SetSignal(SIGQUIT, SIG_DFL);
	execv(path, argv);
	fprintf(stderr, "%s: %s\n", path, strerror(errno));
	_exit(127);
}

/*
 * Writes "exited with status N" or "killed by signal N (NAME)" into buf.
 * Returns 0, writing nothing, when the program exited with status 0.
 */
static int DescribeStatus(int status, char *buf, int size)
{
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) == 0)
			return 0;
		snprintf(buf, size, "exited with status %d",
			 WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		const char *name = SignalName(WTERMSIG(status));

		snprintf(buf, size, "killed by signal %d (%s)",
			 WTERMSIG(status), name != NULL ? name : "unknown");
	} else {
		snprintf(buf, size, "ended with wait status %#x", status);
	}
	return 1;
}

static int RunForeground(pid_t pid)
{
	char text[64];
	int status;

	tcsetpgrp(STDIN_FILENO, pid);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			printf("waitpid: %s\n", strerror(errno));
			status = 0;
			break;
		}
	}
	tcsetpgrp(STDIN_FILENO, getpgrp());

	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT)
		printf("\n"); /* the terminal echoed ^C, without a newline */
	if (DescribeStatus(status, text, sizeof(text)))
		printf("[%d] %s\n", (int)pid, text);
	return status;
}

static int FreeJobSlot(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid == 0)
			return i;
	}
	return -1;
}

/* Remembers argv, joined by spaces and cut to fit, as the job's cmd. */
static void AddJob(int slot, pid_t pid, char *argv[])
{
	struct job *job = &jobs[slot];
	int used = 0;
	int i;

	job->pid = pid;
	job->cmd[0] = '\0';
	for (i = 0; argv[i] != NULL && used < (int)sizeof(job->cmd); i++)
		used += snprintf(job->cmd + used, sizeof(job->cmd) - used,
				 i == 0 ? "%s" : " %s", argv[i]);
}

int RunProgram(const char *path, char *argv[], int background)
{
	int slot = -1;
	pid_t pid;

	if (background) {
		slot = FreeJobSlot();
		if (slot < 0) {
			printf("too many background jobs (at most %d)\n",
			       MAX_JOBS);
			return -1;
		}
	}
	fflush(stdout); /* or the child would print our buffered output too */
	pid = fork();
	if (pid < 0) {
		printf("fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0)
		RunChild(path, argv, background);

	setpgid(pid, pid); /* see RunChild */
	if (!background)
		return RunForeground(pid);
	AddJob(slot, pid, argv);
	printf("[%d] %d\n", slot + 1, (int)pid);
	return 0;
}

void ReapJobs(void)
{
	char text[64];
	pid_t pid;
	int status, i;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < MAX_JOBS; i++) {
			if (jobs[i].pid != pid)
				continue;
			if (DescribeStatus(status, text, sizeof(text)))
				printf("[%d] %s  %s\n", i + 1, text,
				       jobs[i].cmd);
			else
				printf("[%d] Done  %s\n", i + 1, jobs[i].cmd);
			jobs[i].pid = 0;
		}
	}
}

int ShowJobs(void)
{
	int i, count = 0;

	ReapJobs(); /* so that "running" is true */
	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid == 0)
			continue;
		printf("[%d] %d running  %s\n", i + 1, (int)jobs[i].pid,
		       jobs[i].cmd);
		count++;
	}
	if (count == 0)
		printf("no background jobs\n");
	return 0;
}

int JobPid(int job)
{
	if (job < 1 || job > MAX_JOBS || jobs[job - 1].pid == 0)
		return -1;
	return jobs[job - 1].pid;
}
