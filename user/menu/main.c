/*
 * MenuOS's shell, the first program a student sees: main registers the
 * commands with the menu engine (menu.c) and hands over to ExecuteMenu.
 * The commands themselves are the small functions below.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "jobs.h"
#include "menu.h"

#define MENUOS_VERSION "0.1"

static const char banner[] = " __  __                  ___  ____\n"
			     "|  \\/  | ___ _ __  _   _/ _ \\/ ___|\n"
			     "| |\\/| |/ _ \\ '_ \\| | | | | | \\___ \\\n"
			     "| |  | |  __/ | | | |_| | |_| |___) |\n"
			     "|_|  |_|\\___|_| |_|\\__,_|\\___/|____/\n"
			     "\n"
			     "Welcome to MenuOS " MENUOS_VERSION ".\n"
			     "Type help to list the commands.\n";

/* The number in s, or -1 if s is not a number. */
static long ParseNumber(const char *s)
{
	char *end;
	long number;

	errno = 0;
	number = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || number < 0)
		return -1;
	return number;
}

static int Version(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	printf("MenuOS %s (built %s %s)\n", MENUOS_VERSION, __DATE__, __TIME__);
	return 0;
}

static int Quit(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	printf("MenuOS is powering off.\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	printf("quit: %s\n", strerror(errno)); /* not allowed, or no ACPI */
	return -1;
}

static void PrintTime(const char *how, unsigned long seconds)
{
	char date[32];

	printf("%s%lu = %s UTC\n", how, seconds,
	       FormatTime(seconds, date, sizeof(date)));
}

/* time: the time from libc's time(); time SECONDS: convert a number. */
static int Time(int argc, char *argv[])
{
	time_t now;

	if (argc == 2) {
		char *end;
		unsigned long seconds = strtoul(argv[1], &end, 10);

		if (end != argv[1] && *end == '\0') {
			PrintTime("time: ", seconds);
			return 0;
		}
	}
	if (argc != 1) {
		printf("usage: time [SECONDS]\n");
		return -1;
	}
	now = time(NULL);
	if (now == (time_t)-1) {
		printf("time: %s\n", strerror(errno));
		return -1;
	}
	PrintTime("time: ", (unsigned long)now);
	return 0;
}

/* The same, asking the kernel directly as the course shows. */
static int TimeAsm(int argc, char *argv[])
{
	long tt; /* what comes back in eax: 32 bits, like time_t on i386 */

	(void)argc;
	(void)argv;
	/* sys_time(NULL): eax = 13 is the syscall number, ebx its argument */
	asm volatile("mov $0, %%ebx\n\t"
		     "mov $0xd, %%eax\n\t"
		     "int $0x80\n\t"
		     "mov %%eax, %0\n\t"
		     : "=m"(tt)
		     :
		     : "eax", "ebx");
	if (tt < 0 && tt > -4096) {
		printf("time-asm: %s\n", strerror(-tt)); /* -errno */
		return -1;
	}
	PrintTime("time-asm: int $0x80 with eax=13 (sys_time) returned ",
		  (unsigned long)tt);
	return 0;
}

static int Jobs(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	return ShowJobs();
}

/* fg [%JOB] and bg [%JOB]: the current job without an argument. */
static int ContinueCommand(int argc, char *argv[], int foreground)
{
	const char *arg = argc == 2 ? argv[1] : NULL;
	long job;

	if (argc > 2) {
		printf("usage: %s [%%JOB]\n", argv[0]);
		return -1;
	}
	if (arg == NULL)
		job = CurrentJob();
	else
		job = ParseNumber(arg[0] == '%' ? arg + 1 : arg);
	if (job <= 0 || job > MAX_JOBS || JobPid(job) < 0) {
		printf("%s: %s: no such job\n", argv[0],
		       arg != NULL ? arg : "current");
		return -1;
	}
	return ContinueJob(job, foreground);
}

static int Fg(int argc, char *argv[])
{
	return ContinueCommand(argc, argv, 1);
}

static int Bg(int argc, char *argv[])
{
	return ContinueCommand(argc, argv, 0);
}

/* kill [-SIGNAL] PID|%JOB */
static int Kill(int argc, char *argv[])
{
	int sig = SIGTERM;
	const char *target;
	long pid;

	if ((argc != 2 && argc != 3) || (argc == 3 && argv[1][0] != '-')) {
		printf("usage: kill [-SIGNAL] PID|%%JOB\n");
		return -1;
	}
	if (argc == 3)
		sig = SignalNumber(argv[1] + 1);
	if (sig < 0) {
		printf("kill: %s: no such signal\n", argv[1] + 1);
		return -1;
	}
	target = argv[argc - 1];
	if (target[0] == '%')
		pid = JobPid(ParseNumber(target + 1));
	else
		pid = ParseNumber(target);
	if (pid <= 0) {
		printf("kill: %s: no such process or job\n", target);
		return -1;
	}
	if (kill(pid, sig) < 0) {
		printf("kill: %s: %s\n", target, strerror(errno));
		return -1;
	}
	return 0;
}

static int Ls(int argc, char *argv[])
{
	(void)argv;
	if (argc != 1) {
		printf("usage: ls (lists the programs in /bin)\n");
		return -1;
	}
	return ListPrograms("/bin");
}

int main(void)
{
	printf("%s", banner);
	SetPrompt("MenuOS>> ");
	MenuConfig("version", "print the MenuOS version and build date",
		   Version);
	MenuConfig("quit", "power the machine off", Quit);
	MenuConfig("time", "print the time from time(); time SECONDS converts",
		   Time);
	MenuConfig("time-asm", "print the time from int $0x80 with eax=13",
		   TimeAsm);
	MenuConfig("jobs",
		   "list the jobs: in the background or stopped (Ctrl-Z)",
		   Jobs);
	MenuConfig("fg", "continue a job (%JOB, or the last) in the foreground",
		   Fg);
	MenuConfig("bg",
		   "continue a stopped job (%JOB, or the last) in the "
		   "background",
		   Bg);
	MenuConfig("kill", "send SIGTERM (or -SIGNAL) to a PID or %JOB", Kill);
	MenuConfig("ls", "list the programs in /bin", Ls);
	InitJobControl();
	ExecuteMenu();
	return 0;
}
