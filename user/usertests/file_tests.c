/*
 * file: files, directories and the fd table. open/read/lseek on the
 * program's own ELF file, the errors open must give, dup and dup2, stat,
 * reading directories, /dev/null and /dev/zero, close-on-exec, running out
 * of fds (MenuOS allows 64 per process), the working directory, the *at()
 * calls from a directory fd, and the
 * checks a bad pointer or a non-tty fd must meet.
 */
#include "usertests.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define KERNEL_ADDR ((long)0xC0000000UL)
#define MAX_FDS	    64 /* the size of a MenuOS process's fd table */

static void open_elf_magic(void)
{
	unsigned char magic[4];
	int fd = open(self_path, O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(4, LIBC(read(fd, magic, 4)));
	EXPECT(memcmp(magic, "\177ELF", 4) == 0,
	       "expected \\177ELF, got %02x %02x %02x %02x", magic[0], magic[1],
	       magic[2], magic[3]);
}

static void lseek_whence(void)
{
	char buf[3];
	int fd = open(self_path, O_RDONLY);
	long size;

	EXPECT_OK(LIBC(fd));
	size = lseek(fd, 0, SEEK_END);
	EXPECT(size > 4096, "expected a file of some KiB, got %s",
	       result_str(size));
	EXPECT_RET(0, LIBC(read(fd, buf, 1))); /* at the end */
	EXPECT_RET(1, LIBC(lseek(fd, 1, SEEK_SET)));
	EXPECT_RET(3, LIBC(read(fd, buf, 3)));
	EXPECT(memcmp(buf, "ELF", 3) == 0, "expected ELF at 1, got %.3s", buf);
	EXPECT_RET(4, LIBC(lseek(fd, 0, SEEK_CUR)));
	EXPECT_RET(0, LIBC(lseek(fd, -4, SEEK_CUR)));
	EXPECT_RET(size - 2, LIBC(lseek(fd, -2, SEEK_END)));
	EXPECT_RET(-EINVAL, LIBC(lseek(fd, -1, SEEK_SET)));
	EXPECT_RET(-EINVAL, LIBC(lseek(fd, 0, 99)));
}

static void lseek_pipe_espipe(void)
{
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(-ESPIPE, LIBC(lseek(fds[0], 0, SEEK_SET)));
}

static void open_enoent(void)
{
	EXPECT_RET(-ENOENT, LIBC(open("/no-such-file", O_RDONLY)));
	EXPECT_RET(-ENOENT, LIBC(open("/bin/no-such-file", O_RDONLY)));
	EXPECT_RET(-ENOENT, LIBC(open("/no-such-dir/file", O_RDONLY)));
}

/* A file used as a directory, or O_DIRECTORY on a file. */
static void open_enotdir(void)
{
	char path[200];

	snprintf(path, sizeof(path), "%s/x", self_path);
	EXPECT_RET(-ENOTDIR, LIBC(open(path, O_RDONLY)));
	EXPECT_RET(-ENOTDIR, LIBC(open(self_path, O_RDONLY | O_DIRECTORY)));
	EXPECT_OK(LIBC(open("/", O_RDONLY | O_DIRECTORY)));
}

static void open_dir_for_writing(void)
{
	EXPECT_RET(-EISDIR, LIBC(open("/", O_WRONLY)));
	EXPECT_RET(-EISDIR, LIBC(open("/", O_RDWR)));
}

/* MenuOS's files come from a read-only initrd: -EROFS. Linux refuses to
 * write to a running program (-ETXTBSY) or, not as root, -EACCES. */
static void open_program_for_writing(void)
{
	long ret = LIBC(open(self_path, O_WRONLY));

	if (on_linux)
		EXPECT_RET2(-ETXTBSY, -EACCES, ret);
	else
		EXPECT_RET(-EROFS, ret);
}

static void open_efault(void)
{
	EXPECT_RET(-EFAULT, sys3(__NR_open, 0, O_RDONLY, 0));
	EXPECT_RET(-EFAULT, sys3(__NR_open, KERNEL_ADDR, O_RDONLY, 0));
}

static void read_dir_eisdir(void)
{
	char buf[16];
	int fd = open("/", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(-EISDIR, LIBC(read(fd, buf, sizeof(buf))));
}

static void close_twice_ebadf(void)
{
	int fd = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EBADF, LIBC(close(fd)));
	EXPECT_RET(-EBADF, LIBC(close(-1)));
}

static void dup_lowest_fd(void)
{
	int a = open("/dev/null", O_RDONLY), b = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(a));
	EXPECT_OK(LIBC(b));
	EXPECT(b > a,
	       "expected a higher fd for the second open, got %d then %d", a,
	       b);
	EXPECT_RET(0, LIBC(close(a)));
	EXPECT_RET(a, LIBC(dup(b)));
	EXPECT_RET(-EBADF, LIBC(dup(99)));
}

/* dup2 onto /dev/null's fd: it now reads /dev/zero's zeros. */
static void dup2_closes_target(void)
{
	char c = 'x';
	int zero = open("/dev/zero", O_RDONLY),
	    null = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(zero));
	EXPECT_OK(LIBC(null));
	EXPECT_RET(0, LIBC(read(null, &c, 1)));
	EXPECT_RET(null, LIBC(dup2(zero, null)));
	EXPECT_RET(1, LIBC(read(null, &c, 1)));
	EXPECT_EQ(0, c);
}

static void dup2_same_fd(void)
{
	int fd = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(fd, LIBC(dup2(fd, fd)));
	EXPECT_RET(0, LIBC(fcntl(fd, F_GETFD))); /* still open */
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EBADF, LIBC(dup2(fd, fd))); /* closed: not "fd" */
}

static void dup2_bad_fds(void)
{
	int fd = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(-EBADF, LIBC(dup2(fd, -1)));
	EXPECT_RET(-EBADF, LIBC(dup2(fd, 0x7fffffff)));
	EXPECT_RET(-EBADF, LIBC(dup2(99, fd)));
}

static void fstat_program(void)
{
	struct stat by_fd, by_path;
	int fd = open(self_path, O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(0, LIBC(fstat(fd, &by_fd)));
	EXPECT(S_ISREG(by_fd.st_mode), "expected a regular file, got mode 0%o",
	       (unsigned)by_fd.st_mode);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), by_fd.st_size);
	EXPECT_RET(0, LIBC(stat(self_path, &by_path)));
	EXPECT_EQ(by_fd.st_size, by_path.st_size);
	EXPECT_EQ(by_fd.st_ino, by_path.st_ino);
}

static void stat_dev_null(void)
{
	struct stat st;

	EXPECT_RET(0, LIBC(stat("/dev/null", &st)));
	EXPECT(S_ISCHR(st.st_mode), "expected a character device, got mode 0%o",
	       (unsigned)st.st_mode);
}

static void stat_root(void)
{
	struct stat st;

	EXPECT_RET(0, LIBC(stat("/", &st)));
	EXPECT(S_ISDIR(st.st_mode), "expected a directory, got mode 0%o",
	       (unsigned)st.st_mode);
}

static void stat_errors(void)
{
	struct stat st;

	EXPECT_RET(-ENOENT, LIBC(stat("/no-such-file", &st)));
	/* raw: glibc's stat() would copy into the bad buffer itself */
	EXPECT_RET(-EFAULT, sys2(__NR_stat, (long)"/", KERNEL_ADDR));
	EXPECT_RET(-EFAULT, sys2(__NR_fstat, 0, KERNEL_ADDR));
	EXPECT_RET(-EFAULT, sys2(__NR_stat, KERNEL_ADDR, (long)&st));
	EXPECT_RET(-EBADF, LIBC(fstat(99, &st)));
}

/* The directory holding us and the names it must list: /bin in MenuOS;
 * wherever the host binary lives on Linux. */
static const char *wanted_names[4];
static char wanted_dir[200];

static void set_wanted(void)
{
	char *slash;

	snprintf(wanted_dir, sizeof(wanted_dir), "%s", self_path);
	slash = strrchr(wanted_dir, '/');
	*slash = 0;
	if (wanted_dir[0] == 0)
		strcpy(wanted_dir, "/");
	wanted_names[0] = strrchr(self_path, '/') + 1;
	wanted_names[1] = on_linux ? NULL : "menu";
	wanted_names[2] = on_linux ? NULL : "init";
}

/* Clears the wanted name equal to name. */
static void found_name(const char *name)
{
	int i;

	for (i = 0; i < 3; i++)
		if (wanted_names[i] && strcmp(wanted_names[i], name) == 0)
			wanted_names[i] = NULL;
}

/* Returns a name still not found, or NULL. */
static const char *missing_name(void)
{
	int i;

	for (i = 0; i < 3; i++)
		if (wanted_names[i])
			return wanted_names[i];
	return NULL;
}

/* Small buffer on purpose: the listing takes several calls. */
static void getdents64_bin(void)
{
	char buf[256];
	struct linux_dirent {
		unsigned long long d_ino;
		long long d_off;
		unsigned short d_reclen;
		unsigned char d_type;
		char d_name[];
	} * d;
	int fd, pos;
	long n;

	set_wanted();
	fd = open(wanted_dir, O_RDONLY | O_DIRECTORY);
	EXPECT_OK(LIBC(fd));
	while ((n = sys3(__NR_getdents64, fd, (long)buf, sizeof(buf))) > 0) {
		for (pos = 0; pos < n; pos += d->d_reclen) {
			d = (struct linux_dirent *)(buf + pos);
			EXPECT(d->d_reclen >= 20 && pos + d->d_reclen <= n,
			       "expected a record inside the buffer, got length %d at %d of %ld",
			       d->d_reclen, pos, n);
			found_name(d->d_name);
		}
	}
	EXPECT_RET(0, n);
	EXPECT(missing_name() == NULL, "expected %s in %s, got no such entry",
	       missing_name(), wanted_dir);
}

static void opendir_bin(void)
{
	DIR *dir;
	struct dirent *ent;

	set_wanted();
	dir = opendir(wanted_dir);
	EXPECT(dir != NULL, "expected opendir(%s) to work, got %s", wanted_dir,
	       errno_name(errno));
	while ((ent = readdir(dir)) != NULL)
		found_name(ent->d_name);
	closedir(dir);
	EXPECT(missing_name() == NULL, "expected %s in %s, got no such entry",
	       missing_name(), wanted_dir);
}

static void dev_null_read_write(void)
{
	char buf[8];
	int fd = open("/dev/null", O_RDWR);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(0, LIBC(read(fd, buf, sizeof(buf))));
	EXPECT_RET(5, LIBC(write(fd, "hello", 5)));
}

static void dev_zero_reads_zeros(void)
{
	unsigned char buf[300];
	int fd = open("/dev/zero", O_RDONLY), i;

	EXPECT_OK(LIBC(fd));
	memset(buf, 0xff, sizeof(buf));
	EXPECT_RET(sizeof(buf), LIBC(read(fd, buf, sizeof(buf))));
	for (i = 0; i < (int)sizeof(buf); i++)
		EXPECT(buf[i] == 0, "expected zeros, got 0x%02x at %d", buf[i],
		       i);
}

static void fcntl_cloexec_flag(void)
{
	int fd = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(0, LIBC(fcntl(fd, F_GETFD)));
	EXPECT_RET(0, LIBC(fcntl(fd, F_SETFD, FD_CLOEXEC)));
	EXPECT_RET(FD_CLOEXEC, LIBC(fcntl(fd, F_GETFD)));
	EXPECT_RET(0, LIBC(fcntl(dup(fd), F_GETFD))); /* dup clears it */
	EXPECT_RET(0, LIBC(fcntl(fd, F_SETFD, 0)));
	EXPECT_RET(0, LIBC(fcntl(fd, F_GETFD)));
	EXPECT_RET(-EBADF, LIBC(fcntl(99, F_GETFD)));
}

static void o_cloexec_flag(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(FD_CLOEXEC, LIBC(fcntl(fd, F_GETFD)));
}

/* Runs "usertests --check-fds closed_fd open_fd" in a child: it exits 0
 * if closed_fd is closed and open_fd open in the new program. */
static int exec_check_fds(int closed_fd, int open_fd)
{
	char closed_arg[12], open_arg[12];
	char *argv[] = { "usertests", "--check-fds", closed_arg, open_arg,
			 NULL };
	char *envp[] = { NULL };
	pid_t pid;

	snprintf(closed_arg, sizeof(closed_arg), "%d", closed_fd);
	snprintf(open_arg, sizeof(open_arg), "%d", open_fd);
	pid = fork();
	if (pid == 0) {
		execve(self_path, argv, envp);
		_exit(127);
	}
	return pid < 0 ? -errno : wait_status(pid);
}

/* exit 10 from the helper: the FD_CLOEXEC fd survived execve;
 * exit 11: the other fd did not. */
static void cloexec_closed_on_exec(void)
{
	int marked = open("/dev/null", O_RDONLY),
	    kept = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(marked));
	EXPECT_OK(LIBC(kept));
	EXPECT_RET(0, LIBC(fcntl(marked, F_SETFD, FD_CLOEXEC)));
	EXPECT_EXITED(exec_check_fds(marked, kept), 0);
}

static void o_cloexec_closed_on_exec(void)
{
	int marked = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int kept = open("/dev/null", O_RDONLY);

	EXPECT_OK(LIBC(marked));
	EXPECT_OK(LIBC(kept));
	EXPECT_EXITED(exec_check_fds(marked, kept), 0);
}

/* Linux's limit is RLIMIT_NOFILE: set it to MenuOS's 64 (MenuOS has no
 * setrlimit and says -ENOSYS, which is fine). */
static void limit_fds_to_64(void)
{
	unsigned long limit[2] = { MAX_FDS, MAX_FDS };

	sys2(__NR_setrlimit, 7 /* RLIMIT_NOFILE */, (long)limit);
}

/* Open /dev/null until -EMFILE: the last fd must be 63. Then dup and pipe
 * fail the same way, and after closing everything fds are free again. */
static void fd_table_full_emfile(void)
{
	int fd, last = -1, pipe_fds[2], i;

	limit_fds_to_64();
	for (i = 0; i < 4 * MAX_FDS; i++) {
		fd = open("/dev/null", O_RDONLY);
		if (fd < 0)
			break;
		last = fd;
	}
	EXPECT_RET(-EMFILE, LIBC(fd));
	EXPECT_EQ(MAX_FDS - 1, last);
	EXPECT_RET(-EMFILE, LIBC(dup(0)));
	EXPECT_RET(-EMFILE, LIBC(pipe(pipe_fds)));
	for (fd = 3; fd <= last; fd++)
		EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(3, LIBC(open("/dev/null", O_RDONLY)));
}

/* On Linux /bin may be a link to /usr/bin. */
static void chdir_getcwd(void)
{
	char cwd[200];
	struct stat st;

	EXPECT_RET(0, LIBC(chdir("/bin")));
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL,
	       "expected getcwd to work, got %s", errno_name(errno));
	EXPECT(strcmp(cwd, "/bin") == 0 ||
		       (on_linux && strcmp(cwd, "/usr/bin") == 0),
	       "expected cwd /bin, got \"%s\"", cwd);
	EXPECT_RET(0, LIBC(chdir("/dev")));
	EXPECT_OK(LIBC(open("null", O_WRONLY))); /* relative to /dev */
	EXPECT_RET(0, LIBC(stat(".", &st)));
	EXPECT(S_ISDIR(st.st_mode),
	       "expected . to be a directory, got mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_RET(0, LIBC(chdir("..")));
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL,
	       "expected getcwd to work, got %s", errno_name(errno));
	EXPECT(strcmp(cwd, "/") == 0, "expected cwd / after .., got \"%s\"",
	       cwd);
}

static void chdir_errors(void)
{
	char small[2];

	EXPECT_RET(-ENOENT, LIBC(chdir("/no-such-dir")));
	EXPECT_RET(-ENOTDIR, LIBC(chdir("/dev/null")));
	EXPECT_RET(0, LIBC(chdir("/dev")));
	EXPECT_RET(-ERANGE, sys2(__NR_getcwd, (long)small, sizeof(small)));
	EXPECT_RET(-EFAULT, sys2(__NR_getcwd, KERNEL_ADDR, 100));
}

static void ioctl_enotty(void)
{
	char termios_buf[64];
	int fd = open("/dev/null", O_RDONLY), fds[2];

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(-ENOTTY, sys3(__NR_ioctl, fd, TCGETS, (long)termios_buf));
	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(-ENOTTY,
		   sys3(__NR_ioctl, fds[0], TCGETS, (long)termios_buf));
	EXPECT_RET(0, isatty(fd));
}

/* MenuOS starts programs on its console. A host run may not have a tty. */
static void isatty_stdin(void)
{
	if (on_linux && !isatty(0)) {
		skip("skipped: stdin is not a tty");
		return;
	}
	EXPECT_RET(1, isatty(0));
}

static void writev_readv(void)
{
	char a[3], b[4];
	struct iovec out[2] = { { "abc", 3 }, { "defg", 4 } };
	struct iovec in[2] = { { a, 3 }, { b, 4 } };
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(7, LIBC(writev(fds[1], out, 2)));
	EXPECT_RET(7, LIBC(readv(fds[0], in, 2)));
	EXPECT(memcmp(a, "abc", 3) == 0 && memcmp(b, "defg", 4) == 0,
	       "expected abc + defg, got %.3s + %.4s", a, b);
}

/* The *at() calls from a directory fd: a relative name is looked up there
 * (not in the cwd), an absolute one ignores it, AT_FDCWD is the cwd; a
 * dirfd that is not open is EBADF and one that is not a directory ENOTDIR. */
static void at_calls_from_dirfd(void)
{
	unsigned int st64[32];
	int bin, file, fd;

	EXPECT_RET(0, LIBC(chdir("/")));
	EXPECT_OK(bin = LIBC(open("/bin", O_RDONLY)));
	EXPECT_OK(fd = LIBC(openat(bin, "echo", O_RDONLY)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-ENOENT, LIBC(openat(AT_FDCWD, "echo", O_RDONLY)));
	EXPECT_OK(fd = LIBC(openat(bin, "/bin/echo", O_RDONLY)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_OK(fd = LIBC(openat(bin, "../bin/./echo", O_RDONLY)));
	EXPECT_RET(0, LIBC(close(fd)));
	/* fstatat64(300), as glibc's stat: st_mode at offset 16 of stat64 */
	EXPECT_RET(0, sys6(300, bin, (long)"echo", (long)st64, 0, 0, 0));
	EXPECT(S_ISREG(st64[4]), "expected a regular file, got mode 0%o",
	       st64[4]);
	EXPECT_RET(0, LIBC(faccessat(bin, "echo", X_OK, 0)));
	EXPECT_RET(-ENOENT, LIBC(faccessat(bin, "no-such", F_OK, 0)));
	EXPECT_RET(-EBADF, LIBC(openat(99, "echo", O_RDONLY)));
	EXPECT_OK(file = LIBC(openat(bin, "echo", O_RDONLY)));
	EXPECT_RET(-ENOTDIR, LIBC(openat(file, "echo", O_RDONLY)));
	EXPECT_RET(-EROFS, LIBC(unlinkat(bin, "echo", 0)));
	EXPECT_RET(0, LIBC(close(file)));
	EXPECT_RET(0, LIBC(close(bin)));
}

const struct test_case file_tests[] = {
	{ "open_elf_magic", open_elf_magic },
	{ "lseek_whence", lseek_whence },
	{ "lseek_pipe_espipe", lseek_pipe_espipe },
	{ "open_enoent", open_enoent },
	{ "open_enotdir", open_enotdir },
	{ "open_dir_for_writing", open_dir_for_writing },
	{ "open_program_for_writing", open_program_for_writing },
	{ "open_efault", open_efault },
	{ "read_dir_eisdir", read_dir_eisdir },
	{ "close_twice_ebadf", close_twice_ebadf },
	{ "dup_lowest_fd", dup_lowest_fd },
	{ "dup2_closes_target", dup2_closes_target },
	{ "dup2_same_fd", dup2_same_fd },
	{ "dup2_bad_fds", dup2_bad_fds },
	{ "fstat_program", fstat_program },
	{ "stat_dev_null", stat_dev_null },
	{ "stat_root", stat_root },
	{ "stat_errors", stat_errors },
	{ "getdents64_bin", getdents64_bin },
	{ "opendir_bin", opendir_bin },
	{ "dev_null_read_write", dev_null_read_write },
	{ "dev_zero_reads_zeros", dev_zero_reads_zeros },
	{ "fcntl_cloexec_flag", fcntl_cloexec_flag },
	{ "o_cloexec_flag", o_cloexec_flag },
	{ "cloexec_closed_on_exec", cloexec_closed_on_exec },
	{ "o_cloexec_closed_on_exec", o_cloexec_closed_on_exec },
	{ "fd_table_full_emfile", fd_table_full_emfile },
	{ "chdir_getcwd", chdir_getcwd },
	{ "chdir_errors", chdir_errors },
	{ "at_calls_from_dirfd", at_calls_from_dirfd },
	{ "ioctl_enotty", ioctl_enotty },
	{ "isatty_stdin", isatty_stdin },
	{ "writev_readv", writev_readv },
	{ 0, 0 },
};
