/* AF_UNIX addresses (Linux: include/uapi/linux/un.h): a path in the filesystem, or, with
 * a leading NUL byte, a name in the abstract namespace. */
#ifndef _UAPI_LINUX_UN_H
#define _UAPI_LINUX_UN_H

#define UNIX_PATH_MAX 108

struct sockaddr_un {
	unsigned short sun_family; /* AF_UNIX */
	char sun_path[UNIX_PATH_MAX];
};

#endif
