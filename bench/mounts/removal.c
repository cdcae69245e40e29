// Where teardown's removal of created mountpoints spends its time: N directories under
// DIR/m, each removed with rmdir(2) in turn, timed, in four forms:
//   detach  bind DIR onto itself, a bind on every directory, one umount2(MNT_DETACH), then
//           rmdir deepest first (what ocimount's teardown does);
//   plain   the same directories and rmdirs with no mount at all;
//   held    no mount; an O_PATH fd on each directory is held across its rmdir and all are
//           closed afterwards, one thread;
//   held-T  the same, the fds closed by T threads (the final release of each inode in parallel).
// Usage: removal DIR N MODE [T]; prints one line of JSON. Run in a private mount namespace.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int n, threads = 1, *fds;
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
static void die(const char *what) { perror(what); exit(1); }
static void *closer(void *arg) {
  for (long i = (long)arg; i < n; i += threads) close(fds[i]);
  return NULL;
}
int main(int argc, char **argv) {
  if (argc < 4) return 2;
  const char *dir = argv[1], *mode = argv[3];
  char p[8192], m[4096], shared[4096];
  n = atoi(argv[2]);
  if (argc > 4) threads = atoi(argv[4]);
  int detach = !strcmp(mode, "detach"), held = !strncmp(mode, "held", 4);
  fds = calloc(n, sizeof *fds);
  snprintf(m, sizeof m, "%s/m", dir);
  snprintf(shared, sizeof shared, "%s/shared", dir);
  mkdir(shared, 0755);
  if (detach && mount(dir, dir, NULL, MS_BIND | MS_REC, NULL)) die("self-bind");
  if (mkdir(m, 0755)) die("mkdir");
  for (int i = 0; i < n; i++) {
    snprintf(p, sizeof p, "%s/%d", m, i);
    if (mkdir(p, 0755)) die("mkdir");
    if (detach && mount(shared, p, NULL, MS_BIND, NULL)) die("bind");
  }
  double t0 = now();
  if (detach && umount2(dir, MNT_DETACH)) die("umount2");
  double t1 = now();
  for (int i = n - 1; i >= 0; i--) {
    snprintf(p, sizeof p, "%s/%d", m, i);
    if (held && (fds[i] = open(p, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) die("open");
    if (rmdir(p)) die("rmdir");
  }
  double t2 = now();
  if (held) {
    pthread_t th[256];
    if (threads > 256) threads = 256;
    for (long k = 0; k < threads; k++) pthread_create(&th[k], NULL, closer, (void *)k);
    for (int k = 0; k < threads; k++) pthread_join(th[k], NULL);
  }
  double t3 = now();
  if (rmdir(m) || rmdir(shared)) die("rmdir");
  printf("{\"mode\":\"%s\",\"threads\":%d,\"umountMs\":%.3f,\"rmdirMs\":%.3f,\"closeMs\":%.3f}\n",
         mode, threads, t1 - t0, t2 - t1, t3 - t2);
  return 0;
}
