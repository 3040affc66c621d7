/* uname(): the same layout as Linux's struct new_utsname. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

struct utsname {
	char sysname[__NEW_UTS_LEN + 1]; /* "MenuOS" */
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1]; /* "i686" */
	char domainname[__NEW_UTS_LEN + 1];
};

int uname(struct utsname *buf);

#endif
