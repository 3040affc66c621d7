/*
 * Running programs and keeping track of jobs (see jobs.h), as bash's job
 * control does.
 *
 * Each program runs in its own process group. A foreground program's group
 * becomes the terminal's foreground group, so Ctrl-C (SIGINT from the
 * terminal) and Ctrl-Z (SIGTSTP) reach the program and not the shell; when
 * it ends or stops the shell takes the terminal back. A stopped program
 * becomes a job: fg continues it in the foreground (SIGCONT to its group),
 * bg in the background. Background programs never get the terminal.
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
	pid_t pid; /* 0: a free slot; also the job's process group */
	int stopped; /* by Ctrl-Z or a stop signal; fg or bg continues it */
	unsigned int order; /* the most recent is bash's current job, "+" */
	char cmd[64]; /* the command line, for the reports */
};

/* Job number n is jobs[n - 1]. */
static struct job jobs[MAX_JOBS];
static unsigned int job_order;

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
 * The shell itself must never stop. SIGTTOU: the shell calls tcsetpgrp
 * while not in the foreground group, which Linux answers with SIGTTOU.
 * SIGTSTP: Ctrl-Z at the prompt. SIGTTIN: as bash, for a shell that reads
 * the terminal from the background. Programs get the default actions back
 * in RunChild, so Ctrl-Z stops them.
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
	SetSignal(SIGTSTP, SIG_DFL);
	SetSignal(SIGTTIN, SIG_DFL);
	SetSignal(SIGTTOU, SIG_DFL);
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
	job->stopped = 0;
	job->order = ++job_order;
	job->cmd[0] = '\0';
	for (i = 0; argv[i] != NULL && used < (int)sizeof(job->cmd); i++)
		used += snprintf(job->cmd + used, sizeof(job->cmd) - used,
				 i == 0 ? "%s" : " %s", argv[i]);
}

/* The slot of the job with this pid, or -1. */
static int FindJob(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid == pid)
			return i;
	}
	return -1;
}

/* Whether job a comes before job b for bash's current job: stopped jobs
 * first, then the most recent. */
static int Outranks(const struct job *a, const struct job *b)
{
	if (a->stopped != b->stopped)
		return a->stopped;
	return a->order > b->order;
}

/* bash's marks: '+' for the current job (the one fg and bg take without
 * an argument), '-' for the next one, ' ' for the others. */
static char JobMark(int slot)
{
	int i, ahead = 0;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid != 0 && Outranks(&jobs[i], &jobs[slot]))
			ahead++;
	}
	return ahead == 0 ? '+' : ahead == 1 ? '-' : ' ';
}

/* "[1]+  Stopped                 sleep 100", as bash says it. */
static void ReportStopped(int slot)
{
	printf("[%d]%c  %-24s%s\n", slot + 1, JobMark(slot), "Stopped",
	       jobs[slot].cmd);
}

/*
 * Gives the terminal to the group pid, waits until the program ends or
 * stops, and takes the terminal back. A program that stops becomes job
 * slot (a new one if slot is -1, from argv). Returns the wait status.
 */
static int WaitForeground(pid_t pid, int slot, char *argv[])
{
	char text[64];
	int status;

	tcsetpgrp(STDIN_FILENO, pid);
	while (waitpid(pid, &status, WUNTRACED) < 0) {
		if (errno != EINTR) {
			printf("waitpid: %s\n", strerror(errno));
			status = 0;
			break;
		}
	}
	tcsetpgrp(STDIN_FILENO, getpgrp());

	if (WIFSTOPPED(status)) {
		if (slot < 0)
			slot = FreeJobSlot();
		if (slot < 0) {
			printf("too many jobs (at most %d): continuing %d\n",
			       MAX_JOBS, (int)pid);
			kill(-pid, SIGCONT);
			return WaitForeground(pid, -1, argv);
		}
		if (jobs[slot].pid == 0)
			AddJob(slot, pid, argv);
		jobs[slot].stopped = 1;
		jobs[slot].order = ++job_order;
		ReportStopped(slot);
		return status;
	}
	if (slot >= 0)
		jobs[slot].pid = 0; /* a job brought back by fg has ended */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT)
		printf("\n"); /* the terminal echoed ^C, without a newline */
	if (DescribeStatus(status, text, sizeof(text)))
		printf("[%d] %s\n", (int)pid, text);
	return status;
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
		return WaitForeground(pid, -1, argv);
	AddJob(slot, pid, argv);
	printf("[%d] %d\n", slot + 1, (int)pid);
	return 0;
}

void ReapJobs(void)
{
	char text[64];
	pid_t pid;
	int status, i;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED | WCONTINUED)) >
	       0) {
		i = FindJob(pid);
		if (i < 0)
			continue;
		if (WIFSTOPPED(status)) { /* kill -STOP, or it read the tty */
			jobs[i].stopped = 1;
			jobs[i].order = ++job_order;
			ReportStopped(i);
			continue;
		}
		if (WIFCONTINUED(status)) { /* kill -CONT from elsewhere */
			jobs[i].stopped = 0;
			continue;
		}
		if (DescribeStatus(status, text, sizeof(text)))
			printf("[%d] %s  %s\n", i + 1, text, jobs[i].cmd);
		else
			printf("[%d] Done  %s\n", i + 1, jobs[i].cmd);
		jobs[i].pid = 0;
	}
}

int ShowJobs(void)
{
	int i, count = 0;

	ReapJobs(); /* so that "Running" is true */
	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid == 0)
			continue;
		printf("[%d]%c %d %-24s%s\n", i + 1, JobMark(i),
		       (int)jobs[i].pid,
		       jobs[i].stopped ? "Stopped" : "Running", jobs[i].cmd);
		count++;
	}
	if (count == 0)
		printf("no background jobs\n");
	return 0;
}

int CurrentJob(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid != 0 && JobMark(i) == '+')
			return i + 1;
	}
	return 0;
}

int ContinueJob(int job, int foreground)
{
	struct job *j;

	if (job < 1 || job > MAX_JOBS || jobs[job - 1].pid == 0)
		return -1;
	j = &jobs[job - 1];
	if (!foreground && !j->stopped) {
		printf("bg: job %d already in background\n", job);
		return 0;
	}
	j->order = ++job_order;
	if (foreground)
		printf("%s\n", j->cmd); /* as bash: what runs now */
	else
		printf("[%d]+ %s &\n", job, j->cmd);
	fflush(stdout);
	/* the terminal first, so a program continued in the foreground can
	 * read it at once */
	if (foreground)
		tcsetpgrp(STDIN_FILENO, j->pid);
	if (kill(-j->pid, SIGCONT) < 0)
		printf("%s: %s\n", foreground ? "fg" : "bg", strerror(errno));
	j->stopped = 0;
	if (foreground)
		return WaitForeground(j->pid, job - 1, NULL);
	return 0;
}

int JobPid(int job)
{
	if (job < 1 || job > MAX_JOBS || jobs[job - 1].pid == 0)
		return -1;
	return jobs[job - 1].pid;
}
