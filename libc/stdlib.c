/* Small stdlib pieces: abs, labs, llabs, rand, srand. */
#include <stdlib.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

static unsigned long long rand_state = 1;

/* A 64-bit linear congruential generator (Knuth's MMIX constants); the high
 * bits are the random ones. */
int rand(void)
{
	rand_state =
		rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}
