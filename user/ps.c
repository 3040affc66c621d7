/*
 * ps: every process, one line each, sorted by pid:
 *
 *	  PID  PPID STAT     TIME COMMAND
 *	    1     0 S     0:00:00 init
 *
 * STAT is the scheduler's state letter (R running, S sleeping, T stopped,
 * Z zombie) and TIME the processor time used. MenuOS lists its processes
 * in /proc/tasks ("PID PPID PGID STAT TIME COMMAND"); on Linux ps reads
 * /proc/PID/stat of each process instead.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct proc {
	int pid, ppid;
	char stat[8];
	char time[16];
	char command[64];
};

static struct proc *procs;
static int nprocs, max_procs;

static struct proc *new_proc(void)
{
	if (nprocs == max_procs) {
		struct proc *more;

		max_procs = max_procs ? 2 * max_procs : 64;
		more = realloc(procs, max_procs * sizeof(*procs));
		if (!more) {
			fprintf(stderr, "ps: out of memory\n");
			exit(1);
		}
		procs = more;
	}
	memset(&procs[nprocs], 0, sizeof(procs[0]));
	return &procs[nprocs++];
}

/* The next space-separated word of *p, NUL-terminated in place. */
static char *next_word(char **p)
{
	char *w = *p + strspn(*p, " \t");
	char *end = w + strcspn(w, " \t\n");

	*p = *end ? end + 1 : end;
	*end = '\0';
	return w;
}

/* MenuOS: /proc/tasks */
static int read_tasks(void)
{
	FILE *f = fopen("/proc/tasks", "r");
	char line[256];

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *pid = next_word(&p), *cmd;
		struct proc *pr;

		if (*pid < '0' || *pid > '9') /* the header */
			continue;
		pr = new_proc();
		pr->pid = atoi(pid);
		pr->ppid = atoi(next_word(&p));
		next_word(&p); /* PGID */
		snprintf(pr->stat, sizeof(pr->stat), "%s", next_word(&p));
		snprintf(pr->time, sizeof(pr->time), "%s", next_word(&p));
		cmd = p + strspn(p, " ");
		cmd[strcspn(cmd, "\n")] = '\0';
		snprintf(pr->command, sizeof(pr->command), "%s", cmd);
	}
	fclose(f);
	return 1;
}

/* Linux: /proc/PID/stat is "pid (comm) state ppid ... utime stime ..." */
static void read_proc_stat(int pid)
{
	char path[64], line[1024], *open, *close, *p;
	unsigned long ticks;
	struct proc *pr;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return;
	}
	fclose(f);
	open = strchr(line, '(');
	close = strrchr(line, ')');
	if (!open || !close || close < open)
		return;
	pr = new_proc();
	pr->pid = pid;
	*close = '\0';
	snprintf(pr->command, sizeof(pr->command), "%s", open + 1);
	p = close + 2;
	snprintf(pr->stat, sizeof(pr->stat), "%s", next_word(&p));
	pr->ppid = atoi(next_word(&p));
	for (i = 0; i < 9; i++) /* pgrp .. cmajflt */
		next_word(&p);
	ticks = strtoul(next_word(&p), NULL, 10); /* utime */
	ticks += strtoul(next_word(&p), NULL, 10); /* stime */
	ticks /= 100; /* USER_HZ */
	snprintf(pr->time, sizeof(pr->time), "%lu:%02lu:%02lu", ticks / 3600,
		 ticks / 60 % 60, ticks % 60);
}

static void scan_proc(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;

	if (!d) {
		fprintf(stderr, "ps: no /proc/tasks and no /proc\n");
		exit(1);
	}
	while ((e = readdir(d)))
		if (atoi(e->d_name) > 0)
			read_proc_stat(atoi(e->d_name));
	closedir(d);
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

int main(int argc, char **argv)
{
	int i;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: ps\n");
		return 2;
	}
	if (!read_tasks())
		scan_proc();
	qsort(procs, nprocs, sizeof(procs[0]), by_pid);
	printf("  PID  PPID STAT     TIME COMMAND\n");
	for (i = 0; i < nprocs; i++)
		printf("%5d %5d %-4s %8s %s\n", procs[i].pid, procs[i].ppid,
		       procs[i].stat, procs[i].time, procs[i].command);
	return 0;
}
