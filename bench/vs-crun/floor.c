/* floor: the C floor of the vs-crun bundle. Reads a list of operations (one per line, fields
   separated by a TAB, "-" for an empty field) written by run.ts from the same config.json, and
   makes them with path-based mount(2) in one process, as a runtime without any checks would:

     B <rootfs>                            bind the rootfs onto itself (MS_BIND|MS_REC)
     M <source> <target> <type> <flags> <data>   mount(2); flags in hex (MS_*)
     D <path>                              mkdir (EEXIST ignored)
     K <path>                              mask: tmpfs ro on a directory, /dev/null bound on
                                           anything else; a missing path is skipped (as runc)
     R <path>                              read-only path: bind onto itself, remount ro
     O <path>                              remount a bind read-only (the read-only root)
     U <path>                              umount2(MNT_DETACH): the teardown
   No journal, no verification, no fds: what the kernel needs, nothing more. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

static char *field(char **line) {
  char *f = strsep(line, "\t");
  return f == NULL || strcmp(f, "-") == 0 ? NULL : f;
}

static int fail(const char *what, const char *path) {
  fprintf(stderr, "floor: %s %s: %s\n", what, path ? path : "", strerror(errno));
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  FILE *f = fopen(argv[1], "r");
  if (!f) return fail("open", argv[1]);
  char *buf = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&buf, &cap, f)) > 0) {
    if (buf[len - 1] == '\n') buf[len - 1] = 0;
    char *line = buf;
    char *op = field(&line), *path = field(&line);
    if (!op || !path) continue;
    struct stat st;
    switch (op[0]) {
      case 'B':
        if (mount(path, path, NULL, MS_BIND | MS_REC, NULL)) return fail("self-bind", path);
        break;
      case 'M': {
        char *target = field(&line), *type = field(&line), *flags = field(&line);
        char *data = field(&line);
        unsigned long ms = flags ? strtoul(flags, NULL, 16) : 0;
        if (mount(path, target, type, ms, data)) return fail("mount", target);
        break;
      }
      case 'D':
        if (mkdir(path, 0755) && errno != EEXIST) return fail("mkdir", path);
        break;
      case 'K':
        if (stat(path, &st)) {
          if (errno == ENOENT) break;
          return fail("stat", path);
        }
        if (S_ISDIR(st.st_mode) ? mount("tmpfs", path, "tmpfs", MS_RDONLY, NULL)
                                : mount("/dev/null", path, NULL, MS_BIND, NULL))
          return fail("mask", path);
        break;
      case 'R':
        if (stat(path, &st)) {
          if (errno == ENOENT) break;
          return fail("stat", path);
        }
        if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) ||
            mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL))
          return fail("readonly", path);
        break;
      case 'O':
        if (mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL))
          return fail("remount ro", path);
        break;
      case 'U':
        if (umount2(path, MNT_DETACH)) return fail("umount2", path);
        break;
      default:
        fprintf(stderr, "floor: unknown op %s\n", op);
        return 2;
    }
  }
  return 0;
}
