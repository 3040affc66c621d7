/* The environment: getenv, setenv, unsetenv on environ ("NAME=value" strings). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned_environ; /* environ once we had to copy it to grow it */

/* index of NAME in environ, or -1 */
static int find(const char *name, size_t len)
{
	int i;

	for (i = 0; environ && environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			return i;
	return -1;
}

static int valid_name(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);

	return i < 0 ? NULL : environ[i] + len + 1;
}

/* The strings setenv makes are never freed: a getenv result may still use them. */
int setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *entry, **env;
	int i, n;

	if (!valid_name(name))
		return -1;
	nlen = strlen(name);
	vlen = strlen(value);
	i = find(name, nlen);
	if (i >= 0 && !overwrite)
		return 0;
	entry = malloc(nlen + vlen + 2);
	if (!entry)
		return -1;
	memcpy(entry, name, nlen);
	entry[nlen] = '=';
	memcpy(entry + nlen + 1, value, vlen + 1);
	if (i >= 0) {
		environ[i] = entry;
		return 0;
	}
	for (n = 0; environ && environ[n]; n++)
		;
	env = realloc(environ == owned_environ ? owned_environ : NULL,
		      (n + 2) * sizeof(char *));
	if (!env) {
		free(entry);
		return -1;
	}
	if (environ != owned_environ && n)
		memcpy(env, environ, n * sizeof(char *));
	env[n] = entry;
	env[n + 1] = NULL;
	environ = owned_environ = env;
	return 0;
}

int unsetenv(const char *name)
{
	size_t len;
	int i;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	while ((i = find(name, len)) >= 0)
		for (; environ[i]; i++)
			environ[i] = environ[i + 1];
	return 0;
}
