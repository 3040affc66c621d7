/*
 * sockettests' helpers (verdicts, errno and signal names, spawn/wait,
 * clocks, read_full/write_full), compiled into unixtests as they are: one
 * copy of the code, one way of reporting for both programs.
 */
#include "../sockettests/check.c"
