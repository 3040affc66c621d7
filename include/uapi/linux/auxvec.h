/* Keys of the auxiliary vector exec puts on a new program's stack after
 * envp: (key, value) pairs ending with AT_NULL (Linux:
 * include/uapi/linux/auxvec.h). */
#ifndef _UAPI_LINUX_AUXVEC_H
#define _UAPI_LINUX_AUXVEC_H

#define AT_NULL	    0 /* end of the vector */
#define AT_IGNORE   1
#define AT_PHDR	    3 /* address of the program headers */
#define AT_PHENT    4 /* size of one program header */
#define AT_PHNUM    5 /* number of program headers */
#define AT_PAGESZ   6
#define AT_BASE	    7 /* interpreter's load address (none: static) */
#define AT_FLAGS    8
#define AT_ENTRY    9 /* the program's entry point */
#define AT_UID	    11
#define AT_EUID	    12
#define AT_GID	    13
#define AT_EGID	    14
#define AT_PLATFORM 15 /* address of a string such as "i686" */
#define AT_HWCAP    16
#define AT_CLKTCK   17 /* clock ticks per second (times()) */
#define AT_SECURE   23
#define AT_RANDOM   25 /* address of 16 random bytes */
#define AT_EXECFN   31 /* address of the executed file's name */

#endif
