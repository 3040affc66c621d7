/* errno: one global, MenuOS programs have a single thread. */
#include <errno.h>

int errno;
