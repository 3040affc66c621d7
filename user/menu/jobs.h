/*
 * Running programs: in the foreground (the shell waits, the program owns
 * the terminal) or in the background; up to MAX_JOBS jobs, background or
 * stopped (Ctrl-Z), reaped before each prompt; fg and bg continue them.
 * Also the signal names the shell prints and kill accepts.
 */
#ifndef JOBS_H
#define JOBS_H

#define MAX_JOBS 16

/* Ignores the job-control signals and takes the terminal. */
void InitJobControl(void);
/* Runs the program at path with argv (argv[0] is the name as typed); in
 * the foreground it may stop (Ctrl-Z) and become a job. */
int RunProgram(const char *path, char *argv[], int background);
/* Reports and forgets the background jobs that have ended. */
void ReapJobs(void);
/* Lists the jobs: "[1]+ 42 Stopped                 sleep 100". */
int ShowJobs(void);
/* The pid of job number job, or -1. */
int JobPid(int job);
/* The current job ("+" in the list: the latest stopped, else the latest
 * started), or 0. */
int CurrentJob(void);
/* SIGCONT to job number job: fg (foreground 1) gives it the terminal and
 * waits, bg lets it run in the background. -1 if there is no such job. */
int ContinueJob(int job, int foreground);

/* "SIGSEGV" for 11, or NULL for a number without a name. */
const char *SignalName(int sig);
/* 15 for "15", "TERM" or "SIGTERM"; -1 if name is none of these. */
int SignalNumber(const char *name);

#endif
