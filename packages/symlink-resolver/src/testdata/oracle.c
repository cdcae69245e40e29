/*
 * The kernel oracle for the differential tests of @ocimount/symlink-resolver.
 *
 *   oracle openat2 ROOT   for each path on stdin: openat2(rootfd, path, {O_PATH|O_CLOEXEC,
 *                         RESOLVE_IN_ROOT|RESOLVE_NO_MAGICLINKS}), then readlink(/proc/self/fd/N)
 *   oracle chroot ROOT    chroot(ROOT), then realpath(path) for each path on stdin
 *
 * Prints one line per path: "OK <host path>" (chroot: the in-root path) or the errno name.
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
#include <unistd.h>

static void print_errno(int err) {
  const char *name = strerrorname_np(err);
  printf("%s\n", name ? name : "EUNKNOWN");
}

static void answer_openat2(int rootfd, const char *path) {
  struct open_how how = {
      .flags = O_PATH | O_CLOEXEC,
      .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  char proc[64], buf[PATH_MAX + 1];
  int fd;
  /* EAGAIN: a rename or mount elsewhere on the machine raced a ".." (openat2(2)); retry. */
  for (int tries = 0; tries < 10000; tries++) {
    fd = (int)syscall(SYS_openat2, rootfd, path, &how, sizeof how);
    if (fd >= 0 || errno != EAGAIN) break;
  }
  if (fd < 0) {
    print_errno(errno);
    return;
  }
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  ssize_t len = readlink(proc, buf, PATH_MAX);
  int err = errno;
  close(fd);
  if (len < 0) {
    print_errno(err);
    return;
  }
  buf[len] = '\0';
  printf("OK %s\n", buf);
}

static void answer_chroot(const char *path) {
  char buf[PATH_MAX + 1];
  if (realpath(path, buf) == NULL) print_errno(errno);
  else printf("OK %s\n", buf);
}

int main(int argc, char **argv) {
  if (argc != 3 || (strcmp(argv[1], "openat2") != 0 && strcmp(argv[1], "chroot") != 0)) {
    fprintf(stderr, "usage: oracle openat2|chroot ROOT\n");
    return 2;
  }
  int use_chroot = strcmp(argv[1], "chroot") == 0;
  int rootfd = -1;
  if (use_chroot) {
    if (chroot(argv[2]) != 0 || chdir("/") != 0) {
      perror("chroot");
      return 2;
    }
  } else {
    rootfd = open(argv[2], O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootfd < 0) {
      perror("open root");
      return 2;
    }
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, stdin)) >= 0) {
    if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
    if (use_chroot) answer_chroot(line);
    else answer_openat2(rootfd, line);
    fflush(stdout);
  }
  free(line);
  return 0;
}
