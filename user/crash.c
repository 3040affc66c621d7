/* crash HOW: a program that breaks the rules on purpose, to show that the kernel kills it
 * with a message and lives on. HOW is null (write through NULL), kernel (read kernel
 * memory), cli (a privileged instruction), div (divide by zero), stack (endless recursion). */
#include <stdio.h>
#include <string.h>

/* Ends (after 8 MiB of stack, in a SIGSEGV) only because the stack runs out. */
static int recurse(volatile int n)
{
	volatile char pad[4096];

	pad[0] = (char)n;
	if (n < 0)
		return 0; /* never true; keeps the compiler from calling this recursion endless */
	return recurse(n + 1) + pad[0];
}

int main(int argc, char *argv[])
{
	const char *how = argc > 1 ? argv[1] : "null";
	volatile int zero = 0;

	printf("crash: %s\n", how);
	fflush(stdout);
	if (!strcmp(how, "null"))
		/* cppcheck-suppress nullPointer ; the point of this program */
		*(volatile int *)0 = 1;
	else if (!strcmp(how, "kernel"))
		printf("%d\n", *(volatile int *)0xC0100000);
	else if (!strcmp(how, "cli"))
		asm volatile("cli");
	else if (!strcmp(how, "div"))
		printf("%d\n",
		       100 / zero); /* (1 / x needs no division: gcc avoids it) */
	else if (!strcmp(how, "stack"))
		recurse(0);
	printf("crash: still alive?!\n");
	return 1;
}
