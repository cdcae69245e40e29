/* timed: runs argv[1..] with stdin and stdout on /dev/null (stderr kept), waits for it, and
   prints "<wall microseconds> <peak RSS KiB> <CPU microseconds>" on stdout (CPU: user + system
   of the child and every thread of it, from wait4's rusage). Exits with the child's status, so a
   failed run stops the benchmark. Wall time from CLOCK_MONOTONIC around fork..wait4; the peak
   RSS is the child's ru_maxrss from wait4(2). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) { perror("wait4"); return 1; }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
  long cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L + ru.ru_utime.tv_usec +
             ru.ru_stime.tv_usec;
  printf("%ld %ld %ld\n", us, ru.ru_maxrss, cpu);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}
