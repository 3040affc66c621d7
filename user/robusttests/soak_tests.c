/*
 * soak: many connections and many bytes over loopback, checked. Every byte
 * of every stream is a hash of its stream and offset (stream_fill), so a
 * byte lost, doubled or moved shows up where it happens. A connection that
 * stays open until a clean close must deliver every byte; one that a peer
 * kills or resets must deliver a correct prefix. Each case prints its
 * figures ("<name> figures: connections N bytes N lost N"); robusttests -s
 * runs the long versions (make stress). Ports 7200-7399.
 */
#include "robusttests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK (32 * 1024)

static unsigned char buf_out[CHUNK], buf_in[CHUNK];

/* What a helper process reports through a pipe when it is done. */
struct result {
	long connections;
	long long bytes, lost;
	int failed; /* it printed a FAILED line */
};

static void report(int fd, const struct result *r)
{
	if (write(fd, r, sizeof(*r)) != sizeof(*r))
		_exit(3);
}

/* Adds up the reports of n helpers; -1 if one is missing. */
static int collect(int fd, int n, struct result *sum)
{
	struct result r;

	memset(sum, 0, sizeof(*sum));
	for (int i = 0; i < n; i++) {
		if (read_full(fd, &r, sizeof(r)) != sizeof(r))
			return -1;
		sum->connections += r.connections;
		sum->bytes += r.bytes;
		sum->lost += r.lost;
		sum->failed |= r.failed;
	}
	return 0;
}

/* Sends n bytes of stream key from offset 0 in random-sized writes; the
 * count sent (may be short after an error: then *err is set). */
static long long send_stream(int fd, uint32_t key, long long n, uint32_t *rnd,
			     int *err)
{
	long long sent = 0;

	*err = 0;
	while (sent < n) {
		long len = 1 + (long)(rand32(rnd) % CHUNK), w;

		if (len > n - sent)
			len = (long)(n - sent);
		stream_fill(key, (uint64_t)sent, buf_out, len);
		w = write_full(fd, buf_out, len);
		if (w < 0) {
			*err = (int)-w;
			break;
		}
		sent += w;
		if (w < len) {
			*err = EPIPE;
			break;
		}
	}
	return sent;
}

/* Reads stream key until EOF or an error (*err), checking every byte; the
 * count of correct bytes from the start. *bad is set at a wrong byte. */
static long long recv_stream(int fd, uint32_t key, uint32_t *rnd, int *err,
			     int *bad)
{
	long long got = 0;

	*err = 0;
	*bad = 0;
	for (;;) {
		long len = 1 + (long)(rand32(rnd) % CHUNK), n, ok;

		n = read(fd, buf_in, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*err = errno;
			break;
		}
		if (n == 0)
			break;
		ok = stream_check(key, (uint64_t)got, buf_in, n);
		got += ok;
		if (ok < n) {
			*bad = 1;
			break;
		}
	}
	return got;
}

/* ---- hello and replyhi ---- */

#define HELLO_PORT 7200

/* /bin/replyhi on 127.0.0.1:port with its output on a pipe (returned in
 * *out); the server's pid (replyhi forks it and exits), or -errno. */
static pid_t start_replyhi(int port, int *out)
{
	char portstr[12], text[512];
	long len = 0, n, deadline = now_ms() + 10000;
	int p[2];
	pid_t pid;
	char *at;

	snprintf(portstr, sizeof(portstr), "%d", port);
	if (pipe(p) < 0)
		return -errno;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execl("/bin/replyhi", "replyhi", "127.0.0.1", portstr,
		      (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	if (pid < 0)
		return -errno;
	while (len < (long)sizeof(text) - 1 && now_ms() < deadline) {
		n = read(p[0], text + len, sizeof(text) - 1 - len);
		if (n <= 0)
			break;
		len += n;
		text[len] = 0;
		if ((at = strstr(text, "(pid ")) && strchr(at, ')'))
			break;
	}
	text[len] = 0;
	wait_status(pid);
	at = strstr(text, "(pid ");
	if (!at) {
		say("%s: replyhi said: %s", test_name, text);
		close(p[0]);
		return -EIO;
	}
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	*out = p[0];
	return (pid_t)strtol(at + 5, NULL, 10);
}

/* Counts replyhi's "send "hi"" lines so far (a line may end in the next
 * read: the last bytes are carried over). */
static long replyhi_answers(int fd)
{
	static char text[4096 + 16];
	static long carry;
	long count = 0, n;

	while ((n = read(fd, text + carry, sizeof(text) - 1 - carry)) > 0) {
		long len = carry + n;
		char *p = text, *nl;

		text[len] = 0;
		while ((nl = strchr(p, '\n'))) {
			if (strncmp(p, "send \"hi\" to 127.0.0.1:", 23) == 0)
				count++;
			p = nl + 1;
		}
		carry = len - (p - text);
		memmove(text, p, carry);
	}
	return count;
}

/* /bin/hello 127.0.0.1 port: 0 if it printed the reply and exited 0. */
static int run_hello(int port)
{
	char portstr[12], out[512], want[64];
	int p[2], status;
	long n;
	pid_t pid;

	snprintf(portstr, sizeof(portstr), "%d", port);
	snprintf(want, sizeof(want), "recv \"hi\" from 127.0.0.1:%d\n", port);
	if (pipe(p) < 0)
		return -errno;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execl("/bin/hello", "hello", "127.0.0.1", portstr,
		      (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -errno;
	}
	n = read_full(p[0], out, sizeof(out) - 1);
	close(p[0]);
	out[n > 0 ? n : 0] = 0;
	status = wait_status(pid);
	if (!(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) ||
	    !strstr(out, want)) {
		say("%s: hello printed %s(%s)", test_name, out,
		    status_str(status));
		return -EIO;
	}
	return 0;
}

static void hello_replyhi(void)
{
	long rounds = stress ? 10000 : 300, failures = 0, answers = 0;
	int out = -1;
	pid_t server = start_replyhi(HELLO_PORT, &out);

	EXPECT(server > 0, "expected replyhi to start, got %s",
	       result_str(server));
	for (long i = 0; i < rounds; i++) {
		if (run_hello(HELLO_PORT) < 0 && ++failures > 5)
			break;
		answers += replyhi_answers(out);
	}
	for (int i = 0; i < 20 && answers < rounds - failures; i++) {
		sleep_ms(50);
		answers += replyhi_answers(out);
	}
	kill(server, SIGKILL);
	close(out);
	figures(rounds, 7LL * rounds, 7LL * failures);
	EXPECT(failures == 0, "expected %ld hello exchanges, got %ld failures",
	       rounds, failures);
	EXPECT(answers == rounds,
	       "expected replyhi to answer %ld times, got "
	       "%ld",
	       rounds, answers);
}

/* ---- one long checked stream per connection ---- */

struct stream_arg {
	int listener, port, results;
	uint32_t key;
	long long size;
};

static int stream_receiver(void *p)
{
	struct stream_arg *a = p;
	struct result r = { 1, 0, 0, 0 };
	uint32_t rnd = a->key * 7 + 1;
	int conn = accept(a->listener, NULL, NULL), err, bad;
	long long got;

	if (conn < 0)
		return 2;
	got = recv_stream(conn, a->key, &rnd, &err, &bad);
	if (bad || err)
		say("%s FAILED: stream %u: expected %lld checked bytes, got a "
		    "%s at byte %lld",
		    test_name, a->key, a->size,
		    bad ? "wrong byte" : errno_name(err), got);
	/* tell the sender what arrived */
	if (write_full(conn, &got, sizeof(got)) != sizeof(got))
		return 2;
	close(conn);
	r.bytes = got;
	r.failed = bad || err;
	report(a->results, &r);
	return 0;
}

static int stream_sender(void *p)
{
	struct stream_arg *a = p;
	struct result r = { 0, 0, 0, 0 };
	uint32_t rnd = a->key * 13 + 5;
	int fd = tcp_connect(a->port), err;
	long long sent, got = -1;

	if (fd < 0) {
		say("%s FAILED: stream %u: connect: %s", test_name, a->key,
		    result_str(fd));
		return 2;
	}
	sent = send_stream(fd, a->key, a->size, &rnd, &err);
	shutdown(fd, SHUT_WR);
	if (read_full(fd, &got, sizeof(got)) != sizeof(got))
		got = -1;
	close(fd);
	if (err || sent != a->size || got != a->size)
		say("%s FAILED: stream %u: expected %lld bytes through, sent "
		    "%lld (%s), the receiver got %lld",
		    test_name, a->key, a->size, sent,
		    err ? errno_name(err) : "no error", got);
	r.lost = a->size - (got > 0 ? got : 0);
	r.failed = err || sent != a->size || got != a->size;
	report(a->results, &r);
	return 0;
}

static void stream_checked(void)
{
	/* each stream 8 MiB (64 MiB with -s), two (three) at once */
	int streams = stress ? 3 : 2, fds[2];
	long long each = (stress ? 64LL : 8LL) * 1024 * 1024,
		  size = each * streams;
	struct stream_arg args[3];
	struct result sum;

	EXPECT_OK(LIBC(pipe(fds)));
	for (int i = 0; i < streams; i++) {
		args[i].port = 7210 + i;
		args[i].listener = tcp_listener(args[i].port, 1);
		EXPECT_OK(args[i].listener);
		args[i].results = fds[1];
		args[i].key = 0x5eed0000u + (uint32_t)i;
		args[i].size = each;
		EXPECT_OK(spawn(stream_receiver, &args[i]));
		EXPECT_OK(spawn(stream_sender, &args[i]));
		close(args[i].listener);
	}
	EXPECT(collect(fds[0], 2 * streams, &sum) == 0,
	       "expected every sender and receiver to report");
	figures(streams, sum.bytes, sum.lost);
	EXPECT(!sum.failed && sum.lost == 0 && sum.bytes == size,
	       "expected %lld bytes checked and none lost, got %lld, lost %lld",
	       size, sum.bytes, sum.lost);
}

/* ---- many clients at once against one echo server ---- */

#define ECHO_PORT 7220
#define MAX_CONNS 60

static int echo_server(void *p)
{
	int listener = *(int *)p, n = 1;
	struct pollfd fds[MAX_CONNS + 1];
	static char buf[4096];

	fds[0].fd = listener;
	fds[0].events = POLLIN;
	for (;;) {
		if (poll(fds, n, -1) < 0)
			continue;
		if ((fds[0].revents & POLLIN) && n <= MAX_CONNS) {
			int c = accept(listener, NULL, NULL);
			if (c >= 0) {
				fds[n].fd = c;
				fds[n].events = POLLIN;
				fds[n].revents = 0;
				n++;
			}
		}
		for (int i = 1; i < n; i++) {
			long len;

			if (!fds[i].revents)
				continue;
			len = read(fds[i].fd, buf, sizeof(buf));
			if (len > 0 && write_full(fds[i].fd, buf, len) == len)
				continue;
			close(fds[i].fd);
			fds[i] = fds[--n];
			i--;
		}
	}
	return 0;
}

struct client_arg {
	int id, results, conns, messages;
};

static int echo_client(void *p)
{
	struct client_arg *a = p;
	struct result r = { 0, 0, 0, 0 };
	uint32_t rnd = 77 + a->id;

	for (int c = 0; c < a->conns; c++) {
		int fd = tcp_connect(ECHO_PORT);

		if (fd < 0) {
			say("%s FAILED: client %d: connect: %s", test_name,
			    a->id, result_str(fd));
			r.failed = 1;
			break;
		}
		r.connections++;
		for (int m = 0; m < a->messages; m++) {
			uint32_t key = (uint32_t)(a->id << 20 | c << 8 | m);
			long len = 1 + (long)(rand32(&rnd) % 4096), got;

			stream_fill(key, 0, buf_out, len);
			if (write_full(fd, buf_out, len) != len) {
				r.lost += len;
				r.failed = 1;
				break;
			}
			got = read_full(fd, buf_in, len);
			got = got > 0 ? stream_check(key, 0, buf_in, got) : 0;
			r.bytes += len + got;
			if (got != len) {
				say("%s FAILED: client %d: expected %ld bytes "
				    "echoed, got %ld right",
				    test_name, a->id, len, got);
				r.lost += len - got;
				r.failed = 1;
				break;
			}
		}
		close(fd);
		if (r.failed)
			break;
	}
	report(a->results, &r);
	return 0;
}

static void many_clients(void)
{
	int clients = stress ? 40 : 12, fds[2], listener;
	struct client_arg args[40];
	struct result sum;
	pid_t server;

	EXPECT_OK(LIBC(pipe(fds)));
	listener = tcp_listener(ECHO_PORT, 64);
	EXPECT_OK(listener);
	EXPECT_OK(server = spawn(echo_server, &listener));
	close(listener);
	for (int i = 0; i < clients; i++) {
		args[i].id = i;
		args[i].results = fds[1];
		args[i].conns = stress ? 25 : 4;
		args[i].messages = 4;
		EXPECT_OK(spawn(echo_client, &args[i]));
	}
	EXPECT(collect(fds[0], clients, &sum) == 0,
	       "expected every client to report");
	kill(server, SIGKILL);
	figures(sum.connections, sum.bytes, sum.lost);
	EXPECT(!sum.failed && sum.lost == 0 &&
		       sum.connections == (long)clients * args[0].conns,
	       "expected %d connections and nothing lost, got %ld, lost %lld",
	       clients * args[0].conns, sum.connections, sum.lost);
}

/* ---- servers interrupted (SIGINT, as Ctrl-C) in the middle ---- */

#define SIGINT_PORT 7230

static int interrupted_server(void *p)
{
	int *a = p, conn = accept(a[0], NULL, NULL), err, bad;
	uint32_t rnd = 3;

	if (conn < 0)
		return 2;
	if (a[1]) /* it sends until it is killed */
		send_stream(conn, 0xc0ffee, 1LL << 40, &rnd, &err);
	else
		recv_stream(conn, 0xc0ffee, &rnd, &err, &bad);
	return 0;
}

static void sigint_mid_transfer(void)
{
	int rounds = stress ? 60 : 8, args[2], fd, err, bad, status;
	uint32_t rnd = 99;
	long long bytes = 0;

	signal(SIGPIPE, SIG_IGN);
	for (int r = 0; r < rounds; r++) {
		long long moved;
		long kill_after = 20 + (long)(rand32(&rnd) % 200);
		pid_t server;

		args[0] = tcp_listener(SIGINT_PORT, 1);
		EXPECT(args[0] >= 0,
		       "round %d: expected to listen on %d again, "
		       "got %s",
		       r, SIGINT_PORT, result_str(args[0]));
		args[1] = r % 2;
		EXPECT_OK(server = spawn(interrupted_server, args));
		close(args[0]);
		fd = tcp_connect(SIGINT_PORT);
		EXPECT(fd >= 0, "round %d: connect: %s", r, result_str(fd));
		/* the server dies at a random moment of the transfer */
		if (fork() == 0) {
			sleep_ms(kill_after);
			kill(server, SIGINT);
			_exit(0);
		}
		if (args[1]) {
			moved = recv_stream(fd, 0xc0ffee, &(uint32_t){ 3 },
					    &err, &bad);
			EXPECT(!bad,
			       "round %d: a wrong byte at %lld before "
			       "the server died",
			       r, moved);
			EXPECT(err == 0 || err == ECONNRESET,
			       "round %d: expected EOF or ECONNRESET, got %s",
			       r, errno_name(err));
		} else {
			moved = send_stream(fd, 0xc0ffee, 1LL << 40,
					    &(uint32_t){ 3 }, &err);
			EXPECT(err == EPIPE || err == ECONNRESET,
			       "round %d: expected EPIPE or ECONNRESET, got %s",
			       r, errno_name(err));
		}
		bytes += moved;
		close(fd);
		status = wait_status_ms(server, 5000);
		EXPECT(child_signal(status) == SIGINT,
		       "round %d: expected the server killed by SIGINT, got %s",
		       r, status_str(status));
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
	}
	(void)rnd;
	figures(rounds, bytes, 0);
}

/* ---- peers closing at random points ---- */

enum close_mode {
	CLEAN_CLOSE, /* the client writes n bytes and closes: all arrive */
	HALF_CLOSE, /* shutdown(SHUT_WR), then the server answers m bytes */
	SERVER_LEAVES, /* the server closes after reading part */
	CLIENT_RESETS, /* SO_LINGER 0: close sends a reset */
	CLIENT_KILLED, /* the writer is SIGKILLed */
	QUIT, /* the last one: the server reports and exits */
	MODES = QUIT
};

struct header {
	uint32_t key, mode, n, m;
};

static int random_close_server(void *p)
{
	int *a = p, listener = a[0];
	struct result r = { 0, 0, 0, 0 };
	uint32_t rnd = 11;

	for (;;) {
		struct header h;
		long long got = 0;
		int conn = accept(listener, NULL, NULL), err, bad = 0;

		if (conn < 0)
			continue;
		if (read_full(conn, &h, sizeof(h)) != sizeof(h)) {
			close(conn);
			continue;
		}
		if (h.mode == QUIT) {
			close(conn);
			break;
		}
		r.connections++;
		if (h.mode == SERVER_LEAVES) {
			long want = h.n / 3, n = read_full(conn, buf_in, want);
			got = n > 0 ? stream_check(h.key, 0, buf_in, n) : 0;
			bad = n > 0 && got < n;
		} else {
			got = recv_stream(conn, h.key, &rnd, &err, &bad);
			if ((h.mode == CLEAN_CLOSE || h.mode == HALF_CLOSE) &&
			    got != h.n) {
				say("%s FAILED: connection %x (mode %u): "
				    "expected %u bytes, got %lld (%s)",
				    test_name, h.key, h.mode, h.n, got,
				    bad ? "a wrong byte" : errno_name(err));
				r.lost += h.n - got;
				r.failed = 1;
			}
		}
		if (bad) {
			say("%s FAILED: connection %x: a wrong byte at %lld",
			    test_name, h.key, got);
			r.lost++;
			r.failed = 1;
		}
		r.bytes += got;
		if (h.mode == HALF_CLOSE)
			r.bytes +=
				send_stream(conn, h.key ^ 1, h.m, &rnd, &err);
		close(conn);
	}
	report(a[1], &r);
	return 0;
}

static int random_close_client(void *p)
{
	int *a = p, port = a[0], id = a[2], count = a[3];
	struct result r = { 0, 0, 0, 0 };
	uint32_t rnd = 1000 + id;
	struct header h;
	int fd, err, bad;

	signal(SIGPIPE, SIG_IGN);
	for (int i = 0; i <= count; i++) {
		h.key = (uint32_t)(id << 16 | i);
		h.mode = i == count ? QUIT : rand32(&rnd) % MODES;
		h.n = rand32(&rnd) % 150000;
		h.m = rand32(&rnd) % 40000;
		fd = tcp_connect(port);
		if (fd < 0) {
			say("%s FAILED: client %d: connect: %s", test_name, id,
			    result_str(fd));
			r.failed = 1;
			break;
		}
		if (write_full(fd, &h, sizeof(h)) != sizeof(h)) {
			r.failed = 1;
			close(fd);
			break;
		}
		switch (h.mode) {
		case CLEAN_CLOSE:
		case SERVER_LEAVES:
			send_stream(fd, h.key, h.n, &rnd, &err);
			break;
		case HALF_CLOSE: {
			long long got;
			send_stream(fd, h.key, h.n, &rnd, &err);
			shutdown(fd, SHUT_WR);
			got = recv_stream(fd, h.key ^ 1, &rnd, &err, &bad);
			r.bytes += got;
			if (got != h.m || bad) {
				say("%s FAILED: connection %x: expected %u "
				    "bytes back, got %lld",
				    test_name, h.key, h.m, got);
				r.lost += h.m - got;
				r.failed = 1;
			}
			break;
		}
		case CLIENT_RESETS: {
			struct linger l = { 1, 0 };
			send_stream(fd, h.key, h.n / 2, &rnd, &err);
			setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
			break;
		}
		case CLIENT_KILLED: {
			pid_t writer = fork();
			if (writer == 0) {
				send_stream(fd, h.key, 1LL << 40, &rnd, &err);
				_exit(0);
			}
			sleep_ms(1 + rand32(&rnd) % 30);
			kill(writer, SIGKILL);
			waitpid(writer, NULL, 0);
			break;
		}
		}
		if (h.mode != QUIT)
			r.connections++;
		close(fd);
	}
	report(a[1], &r);
	return 0;
}

static void random_close(void)
{
	int workers = 4, per = stress ? 150 : 12, fds[2], args[4][4];
	struct result sum;

	EXPECT_OK(LIBC(pipe(fds)));
	for (int w = 0; w < workers; w++) {
		int listener = tcp_listener(7240 + w, 8);

		EXPECT_OK(listener);
		args[w][0] = listener;
		args[w][1] = fds[1];
		EXPECT_OK(spawn(random_close_server, args[w]));
		close(listener);
		args[w][0] = 7240 + w;
		args[w][2] = w;
		args[w][3] = per;
		EXPECT_OK(spawn(random_close_client, args[w]));
	}
	EXPECT(collect(fds[0], 2 * workers, &sum) == 0,
	       "expected every client and server to report");
	figures(sum.connections / 2, sum.bytes, sum.lost);
	EXPECT(!sum.failed && sum.lost == 0,
	       "expected no byte lost on clean closes and no wrong byte, "
	       "lost %lld",
	       sum.lost);
}

/* ---- a socket shared by two processes, shut down under one of them ---- */

struct blocked_arg {
	int fd, what; /* 0: accept, 1: recv, 2: poll */
};

/* Sleeps in accept, recv or poll on a shared socket; exits 0 when that
 * call comes back (any result). */
static int block_on(void *p)
{
	struct blocked_arg *a = p;
	struct pollfd pfd = { a->fd, POLLIN, 0 };
	char c;

	if (a->what == 0)
		accept(a->fd, NULL, NULL);
	else if (a->what == 1)
		recv(a->fd, &c, 1, 0);
	else
		poll(&pfd, 1, -1);
	return 0;
}

/* A process asleep in accept, recv or poll on a socket it shares with us:
 * our shutdown of that socket must wake it (Linux: accept fails with
 * EINVAL, recv returns 0, poll reports POLLIN|POLLHUP), not leave it
 * asleep for good. */
static void shared_socket_shutdown(void)
{
	static const char *const what[] = { "accept", "recv", "poll" };

	for (int w = 0; w < 6; w++) {
		struct blocked_arg a = { -1, w % 3 };
		int listener = tcp_listener(7250, 4), client = -1, status;
		pid_t pid;

		EXPECT_OK(listener);
		a.fd = listener;
		if (a.what != 0) {
			client = tcp_connect(7250);
			EXPECT_OK(client);
			a.fd = w < 3 ? client : accept(listener, NULL, NULL);
			EXPECT_OK(a.fd);
		}
		EXPECT_OK(pid = spawn(block_on, &a));
		sleep_ms(100); /* asleep by now */
		shutdown(a.fd, SHUT_RDWR);
		status = wait_status_ms(pid, 3000);
		EXPECT(status >= 0 && WIFEXITED(status),
		       "expected shutdown to wake a process asleep in %s on the "
		       "same %s socket, got %s",
		       what[a.what], a.what == 0 ? "listening" : "connected",
		       status == -ETIMEDOUT ? "it still asleep after 3 s"
					    : status_str(status));
		if (a.fd != listener && a.fd != client)
			close(a.fd);
		if (client >= 0)
			close(client);
		close(listener);
	}
}

/* ---- robusttests -c PORT BYTES: a client for sink ---- */

/* Sends BYTES of a checked stream to sink on 127.0.0.1:PORT (0: until the
 * connection breaks), and compares sink's answer ("count adler32") with
 * what was sent. The harness runs it against sink, and Ctrl-Cs sink in
 * the middle of an endless one. Exit 0 when the answer matches (or, for
 * an endless stream, when the connection broke with EPIPE/ECONNRESET). */
int stream_client(int port, long long bytes)
{
	uint32_t a = 1, b = 0, rnd = 5;
	long long sent = 0;
	char reply[64];
	int fd = tcp_connect(port), err = 0;
	long n;

	signal(SIGPIPE, SIG_IGN);
	if (fd < 0) {
		say("stream-client: connect: %s", result_str(fd));
		return 1;
	}
	while (!bytes || sent < bytes) {
		long len = 1 + (long)(rand32(&rnd) % CHUNK), w;

		if (bytes && len > bytes - sent)
			len = (long)(bytes - sent);
		stream_fill(7, (uint64_t)sent, buf_out, len);
		w = write_full(fd, buf_out, len);
		if (w < 0) {
			err = (int)-w;
			break;
		}
		for (long i = 0; i < w; i++) {
			a = (a + buf_out[i]) % 65521;
			b = (b + a) % 65521;
		}
		sent += w;
	}
	if (err) {
		say("stream-client: %lld bytes sent, then %s", sent,
		    errno_name(err));
		close(fd);
		return !bytes && (err == EPIPE || err == ECONNRESET) ? 0 : 1;
	}
	shutdown(fd, SHUT_WR);
	n = read_full(fd, reply, sizeof(reply) - 1);
	close(fd);
	reply[n > 0 ? n : 0] = 0;
	if (n <= 0 || strtoll(reply, NULL, 10) != sent ||
	    strtoul(strchr(reply, ' ') ? strchr(reply, ' ') : "", NULL, 16) !=
		    (b << 16 | a)) {
		say("stream-client: sent %lld bytes (adler32 %08x), sink "
		    "answered \"%s\"",
		    sent, b << 16 | a, reply);
		return 1;
	}
	say("stream-client: %lld bytes, adler32 %08x: sink agrees", sent,
	    b << 16 | a);
	return 0;
}

const struct test_case soak_tests[] = {
	{ "hello_replyhi", hello_replyhi, NULL },
	{ "stream_checked", stream_checked, NULL },
	{ "many_clients", many_clients, NULL },
	{ "sigint_mid_transfer", sigint_mid_transfer, NULL },
	{ "random_close", random_close, NULL },
	{ "shared_socket_shutdown", shared_socket_shutdown, NULL },
	{ NULL, NULL, NULL },
};
