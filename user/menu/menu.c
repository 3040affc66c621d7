/*
 * The menu engine, as in the course's "menu" program: a linked list of
 * commands (cmd, description, handler) and the read-eval loop that splits
 * each line into argc/argv and calls the matching handler. "help" is built
 * in. A word that is no command but names a program runs it (jobs.c).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"
#include "linktable.h"
#include "menu.h"

#define PROGRAM_DIR "/bin"

typedef struct DataNode {
	tLinkTableNode *pNext;
	const char *cmd;
	const char *desc;
	int (*handler)(int argc, char *argv[]);
} tDataNode;

static tLinkTable *head;
static const char *prompt = "MenuOS>> ";

/* Set by Ctrl-C at the prompt; see CatchInterrupt. */
static volatile sig_atomic_t interrupted;

static int SearchCondition(tLinkTableNode *pLinkTableNode, void *args)
{
	const char *cmd = args;
	tDataNode *pNode = (tDataNode *)pLinkTableNode;

	if (strcmp(pNode->cmd, cmd) == 0)
		return SUCCESS;
	return FAILURE;
}

static tDataNode *FindCmd(const char *cmd)
{
	return (tDataNode *)SearchLinkTableNode(head, SearchCondition,
						(void *)cmd);
}

static int ShowAllCmd(void)
{
	tDataNode *pNode = (tDataNode *)GetLinkTableHead(head);

	printf("Commands:\n");
	while (pNode != NULL) {
		printf("  %-10s %s\n", pNode->cmd, pNode->desc);
		pNode = (tDataNode *)GetNextLinkTableNode(
			head, (tLinkTableNode *)pNode);
	}
	return 0;
}

static int Help(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	ShowAllCmd();
	printf("Any other word runs the program of that name in %s, with its\n"
	       "arguments; end the line with & to run it in the background.\n",
	       PROGRAM_DIR);
	ListPrograms(PROGRAM_DIR);
	return 0;
}

int ListPrograms(const char *dir)
{
	DIR *directory = opendir(dir);
	struct dirent *entry;
	int column;

	if (directory == NULL) {
		printf("%s: %s\n", dir, strerror(errno));
		return -1;
	}
	column = printf("Programs in %s:", dir);
	while ((entry = readdir(directory)) != NULL) {
		int length = strlen(entry->d_name);

		if (entry->d_name[0] == '.')
			continue; /* ".", ".." and hidden files */
		if (column + 1 + length > 72) {
			printf("\n ");
			column = 1;
		}
		printf(" %s", entry->d_name);
		column += 1 + length;
	}
	printf("\n");
	closedir(directory);
	return 0;
}

/* Is there a file called name in dir? */
static int IsProgram(const char *dir, const char *name)
{
	DIR *directory = opendir(dir);
	struct dirent *entry;
	int found = 0;

	if (directory == NULL || name[0] == '.')
		goto out;
	while ((entry = readdir(directory)) != NULL) {
		if (strcmp(entry->d_name, name) == 0) {
			found = 1;
			break;
		}
	}
out:
	if (directory != NULL)
		closedir(directory);
	return found;
}

int SetPrompt(const char *p)
{
	if (p == NULL)
		return FAILURE;
	prompt = p;
	return SUCCESS;
}

int MenuConfig(const char *cmd, const char *desc,
	       int (*handler)(int argc, char *argv[]))
{
	tDataNode *pNode;

	if (head == NULL) {
		head = CreateLinkTable();
		if (head == NULL)
			return FAILURE;
		MenuConfig("help",
			   "list the commands and the programs in " PROGRAM_DIR,
			   Help);
	}
	pNode = malloc(sizeof(tDataNode));
	if (pNode == NULL)
		return FAILURE;
	pNode->cmd = cmd;
	pNode->desc = desc;
	pNode->handler = handler;
	return AddLinkTableNode(head, (tLinkTableNode *)pNode);
}

static int IsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int OnlySpaces(const char *s)
{
	while (IsSpace(*s))
		s++;
	return *s == '\0';
}

/*
 * Splits line in place into words separated by spaces or tabs. Double
 * quotes group words: hello 127.0.0.1 5001 "good day" gives 4 words. An
 * unquoted & ending the line (alone or glued to the last word) asks for a
 * background run: it sets *background and is not a word. Returns the
 * number of words, or -1 if there are more than argv can hold.
 */
static int SplitLine(char *line, char *argv[], int *background)
{
	char *in = line; /* the next character to look at */
	char *out = line; /* where it goes once its quotes are removed */
	int argc = 0;

	*background = 0;
	while (*in != '\0') {
		int quoted = 0;
		char stop;

		if (IsSpace(*in)) {
			in++;
			continue;
		}
		if (*in == '&' && OnlySpaces(in + 1)) {
			*background = 1;
			break;
		}
		if (argc == CMD_MAX_ARGV - 1)
			return -1;
		argv[argc++] = out;
		for (; *in != '\0'; in++) {
			if (*in == '"')
				quoted = !quoted;
			else if (!quoted && IsSpace(*in))
				break;
			else if (!quoted && *in == '&' && OnlySpaces(in + 1))
				break;
			else
				*out++ = *in;
		}
		stop = *in; /* out may be in: remember what ended the word */
		*out++ = '\0';
		if (stop == '\0')
			break;
		if (stop == '&') {
			*background = 1;
			break;
		}
		in++;
	}
	argv[argc] = NULL;
	return argc;
}

/*
 * No SA_RESTART: Ctrl-C must interrupt the read at the prompt, so that
 * fgets returns NULL with errno EINTR and we can print a fresh prompt.
 */
static void OnInterrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void CatchInterrupt(void)
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_handler = OnInterrupt;
	sigemptyset(&action.sa_mask);
	action.sa_flags = 0;
	sigaction(SIGINT, &action, NULL);
}

enum { LINE_OK, LINE_INTERRUPTED, LINE_EOF, LINE_TOO_LONG };

/* Reads one line into line[size] without its newline. */
static int ReadLine(char *line, int size)
{
	int length, c;

	/*
	 * Ctrl-C between the prompt and the read: the read would not be
	 * interrupted, so look at the flag first.
	 */
	if (interrupted)
		return LINE_INTERRUPTED;
	errno = 0;
	if (fgets(line, size, stdin) == NULL) {
		int result = LINE_EOF;

		if (errno == EINTR || interrupted)
			result = LINE_INTERRUPTED;
		clearerr(stdin); /* or every later fgets fails at once */
		return result;
	}
	length = strlen(line);
	if (length > 0 && line[length - 1] == '\n') {
		line[length - 1] = '\0';
		return LINE_OK;
	}
	if (length < size - 1)
		return LINE_OK; /* the last line of the input, without '\n' */

	while ((c = getchar()) != EOF && c != '\n')
		; /* skip the rest of the long line */
	clearerr(stdin);
	return LINE_TOO_LONG;
}

static void RunCommand(int argc, char *argv[], int background)
{
	tDataNode *pNode = FindCmd(argv[0]);
	char path[sizeof(PROGRAM_DIR) + CMD_MAX_LEN + 1];

	if (pNode != NULL) {
		pNode->handler(argc, argv); /* commands ignore a trailing & */
		return;
	}
	if (strchr(argv[0], '/') != NULL) {
		RunProgram(argv[0], argv, background);
		return;
	}
	if (IsProgram(PROGRAM_DIR, argv[0])) {
		snprintf(path, sizeof(path), "%s/%s", PROGRAM_DIR, argv[0]);
		RunProgram(path, argv, background);
		return;
	}
	printf("%s: command not found. Type help to list the commands.\n",
	       argv[0]);
}

int ExecuteMenu(void)
{
	char line[CMD_MAX_LEN + 2]; /* the line, its newline and a NUL */
	char *argv[CMD_MAX_ARGV];
	int eof_count = 0; /* ends of input in a row */

	CatchInterrupt();
	for (;;) {
		int argc, background, result;

		interrupted = 0;
		ReapJobs();
		/*
		 * The shell never exits: at the end of the input it reads
		 * again. A terminal gives more input after Ctrl-D; a closed
		 * pipe or file never does, so after three ends in a row stop
		 * printing prompts and wait a second before each retry.
		 */
		if (eof_count < 3)
			printf("%s", prompt);
		fflush(stdout);
		if (eof_count >= 3)
			sleep(1);
		result = ReadLine(line, sizeof(line));
		if (result == LINE_EOF) {
			if (eof_count < 3)
				printf("\n");
			eof_count++;
			continue;
		}
		eof_count = 0;
		if (result == LINE_INTERRUPTED) {
			printf("\n");
			continue;
		}
		if (result == LINE_TOO_LONG) {
			printf("line too long (at most %d characters)\n",
			       CMD_MAX_LEN);
			continue;
		}
		argc = SplitLine(line, argv, &background);
		if (argc < 0)
			printf("too many words (at most %d)\n",
			       CMD_MAX_ARGV - 1);
		else if (argc > 0)
			RunCommand(argc, argv, background);
	}
	return 0;
}
