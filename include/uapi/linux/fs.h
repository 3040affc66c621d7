/* lseek() whence values (Linux: include/uapi/linux/fs.h). */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#define SEEK_SET 0 /* from the start of the file */
#define SEEK_CUR 1 /* from the current position */
#define SEEK_END 2 /* from the end of the file */

#endif
