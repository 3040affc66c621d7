/* The MenuOS version, shown by the boot banner and uname(2). */
#ifndef _MENUOS_VERSION_H
#define _MENUOS_VERSION_H

#define MENUOS_VERSION "0.1"

#endif
