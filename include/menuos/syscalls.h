/* Prototypes of every sys_* function in sys_call_table (kernel/syscall.c). Arguments arrive
 * as the i386 registers ebx, ecx, edx, esi, edi, ebp, in that order. */
#ifndef _MENUOS_SYSCALLS_H
#define _MENUOS_SYSCALLS_H

#include <menuos/kernel.h>
#include <asm/signal.h>

struct timespec;
struct timeval;
struct timezone;
struct stat;
struct new_utsname;
struct pollfd;
struct pt_regs;

/* kernel/exit.c, fork.c, exec.c */
long sys_exit(int code);
long sys_exit_group(int code);
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long flags, unsigned long newsp, int *ptid,
	       unsigned long tls, int *ctid);
long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp);
long sys_waitpid(pid_t pid, int *status, int options);
long sys_wait4(pid_t pid, int *status, int options, void *rusage);

/* kernel/sys.c */
long sys_getpid(void);
long sys_getppid(void);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getuid(void);
long sys_brk(unsigned long brk);
long sys_uname(struct new_utsname *name);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg);
long sys_umask(int mask);
struct sysinfo;
long sys_sysinfo(struct sysinfo *info);

/* kernel/time.c */
long sys_time(long *tloc);
long sys_gettimeofday(struct timeval *tv, struct timezone *tz);
long sys_clock_gettime(int which, struct timespec *tp);
long sys_nanosleep(const struct timespec *req, struct timespec *rem);
struct __kernel_timespec;
long sys_restart_syscall(void);
long sys_clock_nanosleep(int which, int flags, const struct timespec *req,
			 struct timespec *rem);
long sys_clock_nanosleep_time64(int which, int flags,
				const struct __kernel_timespec *req,
				struct __kernel_timespec *rem);

/* kernel/signal.c */
long sys_kill(pid_t pid, int sig);
long sys_ptrace(long request, pid_t pid, unsigned long addr,
		unsigned long data);
long sys_pause(void);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
struct user_desc;
struct rlimit;
struct rlimit64;
struct stat64;
struct statx;
struct __kernel_timespec;
long sys_set_thread_area(struct user_desc *u_info);
long sys_set_tid_address(int *tidptr);
long sys_gettid(void);
long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim);
long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim);
long sys_getrandom(char *buf, size_t count, unsigned int flags);
long sys_clock_gettime64(int which, struct __kernel_timespec *tp);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);
long sys_stat64(const char *filename, struct stat64 *st);
long sys_fstat64(unsigned int fd, struct stat64 *st);
long sys_fstatat64(int dirfd, const char *filename, struct stat64 *st,
		   int flags);
long sys_statx(int dirfd, const char *filename, unsigned int flags,
	       unsigned int mask, struct statx *buf);
long sys_access(const char *filename, int mode);
long sys_openat(int dirfd, const char *filename, int flags, int mode);
long sys_unlinkat(int dirfd, const char *pathname, int flags);
long sys_faccessat(int dirfd, const char *pathname, int mode);
long sys_readlinkat(int dirfd, const char *pathname, char *buf, int bufsiz);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_ppoll(struct pollfd *ufds, unsigned int nfds,
	       const struct timespec *tsp, const unsigned long long *sigmask,
	       size_t sigsetsize);
long sys_rt_sigaction(int sig, const struct k_sigaction *act,
		      struct k_sigaction *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const unsigned long long *set,
			unsigned long long *oset, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_sigreturn(void);

/* kernel/fs/ */
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_readv(unsigned int fd, const void *iov, int iovcnt);
long sys_writev(unsigned int fd, const void *iov, int iovcnt);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, long long *result,
		unsigned int whence);
long sys_open(const char *filename, int flags, int mode);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int *fds);
long sys_pipe2(int *fds, int flags);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_stat(const char *filename, struct stat *st);
long sys_fstat(unsigned int fd, struct stat *st);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_chdir(const char *path);
long sys_unlink(const char *path);
long sys_getcwd(char *buf, unsigned long size);
long sys_poll(struct pollfd *fds, unsigned int nfds, int timeout_ms);
long sys_pselect6(int n, void *inp, void *outp, void *exp,
		  const struct timespec *tsp, const unsigned long *sig);
long sys_pselect6_time64(int n, void *inp, void *outp, void *exp,
			 const struct __kernel_timespec *tsp,
			 const unsigned long *sig);
long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds,
		      const struct __kernel_timespec *tsp,
		      const unsigned long long *sigmask, size_t sigsetsize);
long sys_select(int n, void *inp, void *outp, void *exp, struct timeval *tvp);

/* net/socket.c */
struct sockaddr;
struct msghdr;
struct mmsghdr;
long sys_socketcall(int call, unsigned long *args);
long sys_socket(int family, int type, int protocol);
long sys_socketpair(int family, int type, int protocol, int *usockvec);
long sys_bind(int fd, struct sockaddr *addr, int addrlen);
long sys_connect(int fd, struct sockaddr *addr, int addrlen);
long sys_listen(int fd, int backlog);
long sys_accept4(int fd, struct sockaddr *addr, int *addrlen, int flags);
long sys_getsockopt(int fd, int level, int optname, char *optval, int *optlen);
long sys_setsockopt(int fd, int level, int optname, char *optval, int optlen);
long sys_getsockname(int fd, struct sockaddr *addr, int *addrlen);
long sys_getpeername(int fd, struct sockaddr *addr, int *addrlen);
long sys_sendto(int fd, void *buf, size_t len, unsigned int flags,
		struct sockaddr *addr, int addrlen);
long sys_recvfrom(int fd, void *buf, size_t len, unsigned int flags,
		  struct sockaddr *addr, int *addrlen);
long sys_sendmsg(int fd, struct msghdr *msg, unsigned int flags);
long sys_recvmsg(int fd, struct msghdr *msg, unsigned int flags);
long sys_shutdown(int fd, int how);
long sys_sendmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen,
		  unsigned int flags);
long sys_recvmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen,
		  unsigned int flags, struct timespec *timeout);
long sys_recvmmsg_time64(int fd, struct mmsghdr *mmsg, unsigned int vlen,
			 unsigned int flags, struct __kernel_timespec *timeout);

#endif
