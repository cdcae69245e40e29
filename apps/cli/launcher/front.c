/*
 * The front of the sealed ocimount executable: a static program that runs before Bun does.
 *
 * A Bun executable acts on BUN_OPTIONS (e.g. --preload) and BUN_BE_BUN before any JavaScript
 * runs, compiled or not (tests/sealed-exe.test.ts shows it), so ocimount's own code can neither
 * clear nor refuse them in time. This front can: it refuses to start, with one line on stderr and
 * exit 1, while a variable of REFUSED_ENVIRONMENT.ts is set, and otherwise execs `ocimount-bun`
 * (the compiled CLI) from its own directory with the same arguments and environment.
 *
 * It is statically linked, so the dynamic loader's variables (LD_PRELOAD, ...) do not reach it
 * either. It trusts only its own directory: the program beside it must be a regular file owned
 * by the owner of this file and writable by nobody else, or the front refuses to run it.
 *
 * Build: apps/cli/build/buildExe.ts (generates refused_environment.h from the table).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refused_environment.h"

#define PAYLOAD "ocimount-bun"

/* The refused row `entry` ("NAME=value") matches, or NULL. */
static const struct refused *refused_row(const char *entry) {
  size_t name_len = strcspn(entry, "=");
  for (size_t i = 0; i < sizeof REFUSED / sizeof REFUSED[0]; i++) {
    size_t len = strlen(REFUSED[i].name);
    if (REFUSED[i].prefix ? name_len >= len && strncmp(entry, REFUSED[i].name, len) == 0
                          : name_len == len && strncmp(entry, REFUSED[i].name, len) == 0)
      return &REFUSED[i];
  }
  return NULL;
}

int main(int argc, char **argv, char **envp) {
  (void)argc;
  for (char **e = envp; *e != NULL; e++) {
    const struct refused *row = refused_row(*e);
    if (row != NULL) {
      fprintf(stderr,
              "ocimount: refusing to start: %.*s is set in the environment (%s); unset it\n",
              (int)strcspn(*e, "="), *e, row->effect);
      return 1;
    }
  }

  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - sizeof PAYLOAD - 1);
  if (n < 0 || (size_t)n >= sizeof self - sizeof PAYLOAD - 1) {
    fprintf(stderr, "ocimount: cannot find my own path (readlink /proc/self/exe): %s\n",
            n < 0 ? strerror(errno) : "name too long");
    return 1;
  }
  self[n] = '\0';
  struct stat front;
  if (stat("/proc/self/exe", &front) != 0) {
    fprintf(stderr, "ocimount: stat %s failed: %s\n", self, strerror(errno));
    return 1;
  }
  char *slash = strrchr(self, '/'); /* the kernel's answer is an absolute path */
  if (slash == NULL) {
    fprintf(stderr, "ocimount: my own path is not absolute: %s\n", self);
    return 1;
  }
  strcpy(slash + 1, PAYLOAD);

  struct stat payload;
  if (lstat(self, &payload) != 0) {
    fprintf(stderr, "ocimount: %s is missing (install it beside the front): %s\n", self,
            strerror(errno));
    return 1;
  }
  if (!S_ISREG(payload.st_mode) || payload.st_uid != front.st_uid ||
      (payload.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    fprintf(stderr,
            "ocimount: refusing to run %s: it must be a regular file owned by uid %u and "
            "writable by nobody else\n",
            self, (unsigned)front.st_uid);
    return 1;
  }
  execve(self, argv, envp);
  fprintf(stderr, "ocimount: cannot run %s: %s\n", self, strerror(errno));
  return 1;
}
