/*
 * The menu engine, as in the course's "menu" program: register commands
 * with MenuConfig, then ExecuteMenu reads lines and calls their handlers.
 * A word that is not a command but names a program in /bin runs it.
 */
#ifndef MENU_H
#define MENU_H

#define CMD_MAX_LEN  1024 /* longest input line, without its newline */
#define CMD_MAX_ARGV 32 /* argv slots, including the final NULL */

int SetPrompt(const char *prompt);
/* Adds the command cmd; handler gets the words of the line, cmd first. */
int MenuConfig(const char *cmd, const char *desc,
	       int (*handler)(int argc, char *argv[]));
/* The read-eval loop: never returns. */
int ExecuteMenu(void);

/* Prints the programs in dir (the /bin part of help). */
int ListPrograms(const char *dir);

#endif
