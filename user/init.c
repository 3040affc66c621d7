/* /bin/init: the first process (pid 1). It starts the MenuOS shell on each console, starts
 * it again if it ends, and reaps every orphan the kernel gives it. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const consoles[] = { "/dev/ttyS0", "/dev/ttyS1" };
#define NR_CONSOLES (sizeof(consoles) / sizeof(consoles[0]))

/* A new session with the console as its controlling terminal, then the shell. */
static pid_t start_shell(const char *tty)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	setsid();
	int fd = open(tty, O_RDWR);
	if (fd < 0)
		_exit(127);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	char *const argv[] = { "menu", NULL };
	execv("/bin/menu", argv);
	dprintf(2, "init: cannot run /bin/menu\n");
	_exit(127);
}

int main(void)
{
	pid_t shells[NR_CONSOLES];

	for (unsigned i = 0; i < NR_CONSOLES; i++)
		shells[i] = start_shell(consoles[i]);
	for (;;) {
		int status;
		pid_t pid = wait(&status);
		if (pid < 0) {
			sleep(1);
			continue;
		}
		for (unsigned i = 0; i < NR_CONSOLES; i++) {
			if (pid != shells[i])
				continue;
			int fd = open(consoles[i], O_WRONLY | O_NOCTTY);
			if (fd >= 0) {
				dprintf(fd,
					"init: the shell on %s ended; starting a new one\n",
					consoles[i]);
				close(fd);
			}
			shells[i] = start_shell(consoles[i]);
		}
	}
}
