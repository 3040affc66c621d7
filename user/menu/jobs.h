/*
 * Running programs: in the foreground (the shell waits, the program owns
 * the terminal) or in the background (up to MAX_JOBS jobs, reaped before
 * each prompt). Also the signal names the shell prints and kill accepts.
 */
#ifndef JOBS_H
#define JOBS_H

#define MAX_JOBS 16

/* Ignores the job-control signals and takes the terminal. */
void InitJobControl(void);
/* Runs the program at path with argv (argv[0] is the name as typed). */
int RunProgram(const char *path, char *argv[], int background);
/* Reports and forgets the background jobs that have ended. */
void ReapJobs(void);
/* Lists the background jobs: "[1] 42 running  replyhi". */
int ShowJobs(void);
/* The pid of background job number job, or -1. */
int JobPid(int job);

/* "SIGSEGV" for 11, or NULL for a number without a name. */
const char *SignalName(int sig);
/* 15 for "15", "TERM" or "SIGTERM"; -1 if name is none of these. */
int SignalNumber(const char *name);

#endif
