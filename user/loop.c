/* loop: spins forever, printing a dot a second; a program to stop with Ctrl-C or kill. */
#include <stdio.h>
#include <time.h>

int main(void)
{
	time_t last = time(NULL);

	printf("loop: running, Ctrl-C stops me\n");
	for (;;) {
		if (time(NULL) != last) {
			last = time(NULL);
			printf(".");
			fflush(stdout);
		}
	}
}
