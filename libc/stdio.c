/* Buffered streams (FILE) over file descriptors: opening, reading, writing,
 * flushing. printf and friends are in printf.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define F_READ	    1 /* opened for reading */
#define F_WRITE	    2 /* opened for writing */
#define F_EOF	    4 /* a read returned 0: sticky until clearerr */
#define F_ERR	    8 /* a read or write failed */
#define F_FREE_BUF  16 /* buf came from malloc */
#define F_FREE_FILE 32 /* the FILE came from malloc */

#define MODE_UNSET (-1) /* decided at first use: line-buffered if a tty */

struct __FILE {
	int fd;
	int flags; /* F_* */
	int mode; /* _IOFBF, _IOLBF, _IONBF or MODE_UNSET */
	unsigned char *buf;
	size_t size; /* bytes in buf */
	size_t rpos, rlen; /* reading: next byte of buf, bytes read into buf */
	size_t wlen; /* writing: bytes of buf waiting to be written */
	int ungot; /* byte pushed back by ungetc, or EOF */
	unsigned char one; /* the buffer of an unbuffered stream */
	struct __FILE *next; /* every open stream, for fflush(NULL) */
};

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];
static FILE std_streams[3] = {
	{ 0, F_READ, MODE_UNSET, stdin_buf, BUFSIZ, 0, 0, 0, EOF, 0,
	  &std_streams[1] },
	{ 1, F_WRITE, MODE_UNSET, stdout_buf, BUFSIZ, 0, 0, 0, EOF, 0,
	  &std_streams[2] },
	{ 2, F_WRITE, _IONBF, &std_streams[2].one, 1, 0, 0, 0, EOF, 0, NULL },
};
FILE *stdin = &std_streams[0];
FILE *stdout = &std_streams[1];
FILE *stderr = &std_streams[2];
static FILE *all_files = &std_streams[0];

static void decide_mode(FILE *f)
{
	if (f->mode == MODE_UNSET)
		f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
}

/* write() all of buf, however many calls it takes */
static int write_all(FILE *f, const unsigned char *buf, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(f->fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		buf += w;
		n -= w;
	}
	return 0;
}

/* Write out pending output. Read-ahead input is given back to the fd (so the
 * file position is where the program thinks it is) when the fd can seek;
 * from a pipe or a tty it stays buffered. fflush(NULL) flushes every output
 * stream and leaves input alone. */
int fflush(FILE *f)
{
	size_t wlen;
	int ret = 0;

	if (!f) {
		for (f = all_files; f; f = f->next)
			if (f->wlen && fflush(f))
				ret = EOF;
		return ret;
	}
	if (f->wlen) {
		wlen = f->wlen;
		f->wlen = 0;
		ret = write_all(f, f->buf, wlen);
	}
	if (f->rpos < f->rlen &&
	    lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR) >= 0)
		f->rpos = f->rlen = 0;
	return ret;
}

/* Buffer n bytes for output, writing when the buffer fills (or at '\n' when
 * line buffered). Returns n, or less after an error. */
static size_t put_bytes(FILE *f, const unsigned char *s, size_t n)
{
	size_t i;

	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	if (f->rlen) {
		/* switching from reading to writing: the buffer is for output now */
		fflush(f);
		f->rpos = f->rlen = 0;
	}
	decide_mode(f);
	if (f->mode == _IONBF)
		return write_all(f, s, n) ? 0 : n;
	for (i = 0; i < n; i++) {
		f->buf[f->wlen++] = s[i];
		if (f->wlen == f->size || (f->mode == _IOLBF && s[i] == '\n'))
			if (fflush(f))
				return i;
	}
	return n;
}

/* Read more input into buf; EOF at end of file or on an error. */
static int refill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->flags & F_EOF)
		return EOF;
	if (f->wlen && fflush(f))
		return EOF;
	/* so a prompt printed without '\n' shows before we wait for input */
	if (stdout->mode == _IOLBF && stdout->wlen)
		fflush(stdout);
	decide_mode(f);
	/* as glibc: an interrupted read is an error (EINTR), so Ctrl-C reaches the caller */
	n = read(f->fd, f->buf, f->mode == _IONBF ? 1 : f->size);
	if (n <= 0) {
		f->flags |= n ? F_ERR : F_EOF;
		return EOF;
	}
	f->rpos = 0;
	f->rlen = n;
	return 0;
}

int fgetc(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rlen && refill(f))
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return f->ungot;
}

/* Reads up to size - 1 bytes, stopping after a '\n'; NULL if nothing read. */
char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && c != '\n') {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = c;
	}
	if (i == 0 && size > 1)
		return NULL;
	s[i] = '\0';
	return s;
}

size_t fread(void *ptr, size_t size, size_t n, FILE *f)
{
	unsigned char *p = ptr;
	size_t want = size * n, got = 0, chunk;
	int c;

	if (size == 0)
		return 0;
	while (got < want) {
		if (f->ungot != EOF || f->rpos == f->rlen) {
			c = fgetc(f); /* the pushed-back byte, or a refill */
			if (c == EOF)
				break;
			p[got++] = c;
			continue;
		}
		chunk = f->rlen - f->rpos; /* copy what the buffer holds */
		if (chunk > want - got)
			chunk = want - got;
		memcpy(p + got, f->buf + f->rpos, chunk);
		f->rpos += chunk;
		got += chunk;
	}
	return got / size;
}

size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f)
{
	if (size == 0)
		return 0;
	return put_bytes(f, ptr, size * n) / size;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = c;

	return put_bytes(f, &ch, 1) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return put_bytes(f, (const unsigned char *)s, n) == n ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s) {
		fputs(s, stderr);
		fputs(": ", stderr);
	}
	fputs(msg, stderr);
	fputc('\n', stderr);
}

/* "r", "w", "a", with "+" for both directions; "b" is ignored, "e" sets
 * O_CLOEXEC, "x" O_EXCL. -1 for an invalid mode. */
static int mode_to_flags(const char *mode, int *fflags)
{
	int flags;

	switch (*mode) {
	case 'r':
		flags = O_RDONLY;
		*fflags = F_READ;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		*fflags = F_WRITE;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		*fflags = F_WRITE;
		break;
	default:
		return -1;
	}
	while (*++mode) {
		if (*mode == '+') {
			flags = (flags & ~O_ACCMODE) | O_RDWR;
			*fflags = F_READ | F_WRITE;
		} else if (*mode == 'e') {
			flags |= O_CLOEXEC;
		} else if (*mode == 'x') {
			flags |= O_EXCL;
		}
	}
	return flags;
}

FILE *fdopen(int fd, const char *mode)
{
	FILE *f;
	int fflags;

	if (mode_to_flags(mode, &fflags) < 0) {
		errno = EINVAL;
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->buf = malloc(BUFSIZ);
	if (!f->buf) {
		free(f);
		return NULL;
	}
	f->fd = fd;
	f->flags = fflags | F_FREE_BUF | F_FREE_FILE;
	f->mode = MODE_UNSET;
	f->size = BUFSIZ;
	f->ungot = EOF;
	f->next = all_files;
	all_files = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	FILE *f;
	int fflags, fd, flags = mode_to_flags(mode, &fflags);

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	FILE **pp;
	int ret = fflush(f);

	if (close(f->fd) < 0)
		ret = EOF;
	for (pp = &all_files; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	}
	if (f->flags & F_FREE_BUF)
		free(f->buf);
	if (f->flags & F_FREE_FILE)
		free(f);
	return ret;
}

int fseek(FILE *f, long offset, int whence)
{
	if (fflush(f))
		return -1;
	f->rpos = f->rlen = 0;
	f->ungot = EOF;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos - (off_t)(f->rlen - f->rpos) + (off_t)f->wlen -
	       (f->ungot != EOF);
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int fileno(FILE *f)
{
	return f->fd;
}

int feof(FILE *f)
{
	return (f->flags & F_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->flags & F_ERR) != 0;
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

/* Call before any input or output on f. buf NULL keeps libc's buffer. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	unsigned char *newbuf;
	int own = 0;

	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	fflush(f);
	if (mode == _IONBF) {
		newbuf = &f->one;
		size = 1;
	} else if (buf && size > 0) {
		newbuf = (unsigned char *)buf;
	} else if (f->size > 1) {
		newbuf = f->buf; /* keep the buffer we have */
		size = f->size;
		own = f->flags & F_FREE_BUF;
	} else {
		newbuf = malloc(BUFSIZ); /* was unbuffered */
		if (!newbuf)
			return -1;
		size = BUFSIZ;
		own = F_FREE_BUF;
	}
	if ((f->flags & F_FREE_BUF) && f->buf != newbuf)
		free(f->buf);
	f->flags = (f->flags & ~F_FREE_BUF) | own;
	f->buf = newbuf;
	f->size = size;
	f->mode = mode;
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
