/* strcasecmp and strncasecmp live in <string.h> here. */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <string.h>

#endif
