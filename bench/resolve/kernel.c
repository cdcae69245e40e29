/*
 * The kernel side of bench/resolve: resolves every path of PATHS (one per line) in ROOT, ROUNDS
 * times, and prints the nanoseconds of each round, one per line.
 *
 *   kernel openat2 ROOT PATHS ROUNDS   openat2(rootfd, path, {O_PATH|O_CLOEXEC, RESOLVE_IN_ROOT|
 *                                      RESOLVE_NO_MAGICLINKS}), readlink(/proc/self/fd/N), close:
 *                                      the same string answer the JS resolver gives
 *   kernel open ROOT PATHS ROUNDS      openat2 and close only (no string)
 *   kernel chroot ROOT PATHS ROUNDS    chroot(ROOT), then realpath(3) of each path
 *   kernel print ROOT PATHS 1          prints the openat2 answers ("OK path" or the errno name)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static char **read_paths(const char *file, size_t *count) {
  FILE *in = fopen(file, "r");
  if (in == NULL) {
    perror(file);
    exit(2);
  }
  size_t cap = 1024, n = 0;
  char **paths = malloc(cap * sizeof *paths);
  char *line = NULL;
  size_t len = 0;
  ssize_t got;
  while ((got = getline(&line, &len, in)) >= 0) {
    if (got > 0 && line[got - 1] == '\n') line[got - 1] = '\0';
    if (n == cap) paths = realloc(paths, (cap *= 2) * sizeof *paths);
    paths[n++] = strdup(line);
  }
  free(line);
  fclose(in);
  *count = n;
  return paths;
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Resolves one path; with a buffer, fills it with the host path. Returns 0 or an errno. */
static int resolve(int rootfd, const char *path, char *out) {
  struct open_how how = {
      .flags = O_PATH | O_CLOEXEC,
      .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  int fd;
  /* EAGAIN: a rename or mount elsewhere on the machine raced a ".." (openat2(2)); retry. */
  do fd = (int)syscall(SYS_openat2, rootfd, path, &how, sizeof how);
  while (fd < 0 && errno == EAGAIN);
  if (fd < 0) return errno;
  int err = 0;
  if (out != NULL) {
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(proc, out, PATH_MAX);
    if (len < 0) err = errno;
    else out[len] = '\0';
  }
  close(fd);
  return err;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: kernel openat2|open|chroot|print ROOT PATHS ROUNDS\n");
    return 2;
  }
  const char *mode = argv[1];
  size_t count;
  char **paths = read_paths(argv[3], &count);
  int rounds = atoi(argv[4]);
  static char buf[PATH_MAX + 1];
  int rootfd = open(argv[2], O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0 || (strcmp(mode, "chroot") == 0 && (chroot(argv[2]) != 0 || chdir("/") != 0))) {
    perror(argv[2]);
    return 2;
  }
  for (int r = 0; r < rounds; r++) {
    long long start = now_ns();
    for (size_t i = 0; i < count; i++) {
      if (strcmp(mode, "chroot") == 0) {
        if (realpath(paths[i], buf) == NULL) buf[0] = '\0';
      } else if (strcmp(mode, "print") == 0) {
        int err = resolve(rootfd, paths[i], buf);
        if (err != 0) printf("%s\n", strerrorname_np(err));
        else printf("OK %s\n", buf);
      } else {
        resolve(rootfd, paths[i], strcmp(mode, "openat2") == 0 ? buf : NULL);
      }
    }
    long long elapsed = now_ns() - start;
    if (strcmp(mode, "print") != 0) printf("%lld\n", elapsed);
  }
  return 0;
}
