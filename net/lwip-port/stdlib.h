/* lwIP's netif.c includes <stdlib.h> for atoi (netif_find); mem.c for malloc, which
 * MEM_LIBC_MALLOC=0 never uses. Both come from the kernel: menuos/kernel.h. */
#include <menuos/kernel.h>
