/*
 * Makes every fsync(2) and fdatasync(2) of a process wait SLOWSYNC_US
 * microseconds (default 4000) before it syncs: a model of a disk whose
 * sync costs what a real office server's does, for the commit bench on a
 * machine whose virtual disk syncs in a tenth of a millisecond. Both sides
 * of the bench run in the one process, so both meet the same delay.
 *
 *   gcc -shared -fPIC -O2 -o target/slowsync.so benches/tools/slowsync.c -ldl
 *   cargo bench --bench commit --no-run
 *   SLOWSYNC_US=4000 LD_PRELOAD=$PWD/target/slowsync.so \
 *       target/release/deps/commit-<hash>
 *
 * (cargo itself is not run under LD_PRELOAD: its own syncs would wait too.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void wait_a_sync(void) {
    const char *s = getenv("SLOWSYNC_US");
    long us = s ? atol(s) : 4000;
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&t, NULL);
}

/* Waits, then calls the C library's own `name`, found once. */
static int sync_after_waiting(int (**real)(int), const char *name, int fd) {
    if (!*real)
        *real = (int (*)(int))dlsym(RTLD_NEXT, name);
    wait_a_sync();
    return (*real)(fd);
}

int fsync(int fd) {
    static int (*real)(int);
    return sync_after_waiting(&real, "fsync", fd);
}

int fdatasync(int fd) {
    static int (*real)(int);
    return sync_after_waiting(&real, "fdatasync", fd);
}
