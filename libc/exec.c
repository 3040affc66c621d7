/* The exec family on top of execve: PATH search and argument lists. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXECL_MAX 64 /* arguments execl/execlp accept */

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Try each directory of $PATH (default "/bin"), like a shell does. */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	const char *dir, *end;
	char buf[PATH_MAX];
	size_t dirlen, filelen = strlen(file);
	int saw_eacces = 0;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, environ);
	if (!path)
		path = "/bin";
	for (dir = path;; dir = end + 1) {
		end = strchr(dir, ':');
		if (!end)
			end = dir + strlen(dir);
		dirlen = end - dir;
		if (dirlen + 1 + filelen + 1 <= sizeof(buf)) {
			memcpy(buf, dir, dirlen);
			buf[dirlen] = '/'; /* an empty entry means "." */
			memcpy(buf + dirlen + 1, file, filelen + 1);
			execve(dirlen ? buf : file, argv, environ);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (*end == '\0')
			break;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return -1;
}

/* Collect "arg, ..., (char *)NULL" into an array. */
static int collect(char **argv, const char *arg, va_list ap)
{
	int n = 0;

	argv[n++] = (char *)arg;
	while (arg) {
		if (n == EXECL_MAX) {
			errno = E2BIG;
			return -1;
		}
		arg = va_arg(ap, const char *);
		argv[n++] = (char *)arg;
	}
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[EXECL_MAX + 1];
	va_list ap;
	int err;

	va_start(ap, arg);
	err = collect(argv, arg, ap);
	va_end(ap);
	return err ? err : execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[EXECL_MAX + 1];
	va_list ap;
	int err;

	va_start(ap, arg);
	err = collect(argv, arg, ap);
	va_end(ap);
	return err ? err : execvp(file, argv);
}
