/* keys: shows the tty's raw mode. Switches the terminal to non-canonical, no-echo input
 * (as an editor would), prints the code of every key as it arrives, and restores the
 * terminal when q is pressed. */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	struct termios saved, raw;
	unsigned char c;

	if (tcgetattr(0, &saved) < 0) {
		perror("keys: tcgetattr");
		return 1;
	}
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &raw);
	printf("keys: raw mode, press q to quit\n");
	fflush(stdout);
	while (read(0, &c, 1) == 1 && c != 'q') {
		printf("key %d", c);
		if (c >= ' ' && c < 127)
			printf(" '%c'", c);
		printf("\n");
		fflush(stdout);
	}
	tcsetattr(0, TCSANOW, &saved);
	printf("keys: canonical mode again\n");
	return 0;
}
