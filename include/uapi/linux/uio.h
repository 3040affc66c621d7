/* struct iovec of readv/writev and sendmsg/recvmsg (Linux: include/uapi/linux/uio.h). */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

struct iovec {
	void *iov_base;
	unsigned int iov_len; /* __kernel_size_t on i386 */
};

#define UIO_MAXIOV 1024

#endif
