/* Ending the process: exit() runs atexit handlers and flushes stdio,
 * _exit() goes straight to the kernel. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "syscall.h"

#define ATEXIT_MAX 32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

void exit(int status)
{
	/* last registered, first called; a handler may register more */
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	fflush(NULL);
	_exit(status);
}

/* exit_group, not exit: Linux's exit(1) ends only the calling thread. */
void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

void _Exit(int status)
{
	_exit(status);
}

void abort(void)
{
	sigset_t abrt;

	sigemptyset(&abrt);
	sigaddset(&abrt, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &abrt, NULL);
	raise(SIGABRT);
	/* the handler returned, or SIGABRT is ignored: make it fatal */
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);
}
