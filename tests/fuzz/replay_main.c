/* replay_main.c - runs a fuzz target over saved inputs without libFuzzer,
 * so CTest replays tests/fuzz/corpus/<target>/ in gcc (and ASan) builds.
 *
 *   replay_<target> PATH...   (each PATH a file or a directory of files)
 *
 * Each input runs in its own child process, so one abort() (a broken
 * property, a sanitizer report) fails that input and the rest still run.
 * Prints one line per failed input and ends with "N passed, N failed";
 * exits 1 when anything failed or no input was found. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

static int passed, failed;

/* Reads the whole file into an exactly sized buffer (so a read past the
 * end is caught by ASan). Returns NULL and sets errno on failure. */
static uint8_t *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long len;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0)
        goto fail;
    buf = malloc(len ? (size_t)len : 1);
    if (!buf)
        goto fail;
    if (fread(buf, 1, (size_t)len, f) != (size_t)len)
        goto fail;
    fclose(f);
    *n = (size_t)len;
    return buf;
fail:
    free(buf);
    fclose(f);
    if (!errno)
        errno = EIO;
    return NULL;
}

static void replay_file(const char *path)
{
    int status = 0;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        printf("FAIL %s: cannot fork: %s\n", path, strerror(errno));
        failed++;
        return;
    }
    if (pid == 0) {
        size_t n = 0;
        uint8_t *buf = read_file(path, &n);
        if (!buf) {
            fprintf(stderr, "cannot read '%s': %s\n", path, strerror(errno));
            _exit(3);
        }
        LLVMFuzzerTestOneInput(buf, n);
        free(buf);
        _exit(0);
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        passed++;
    } else if (WIFSIGNALED(status)) {
        printf("FAIL %s: killed by signal %d\n", path, WTERMSIG(status));
        failed++;
    } else {
        printf("FAIL %s: exit status %d\n", path, WEXITSTATUS(status));
        failed++;
    }
}

static int is_seed(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

static void replay_path(const char *path)
{
    struct stat st;
    struct dirent **names;
    int k;

    if (stat(path, &st) != 0) {
        printf("FAIL %s: cannot stat: %s\n", path, strerror(errno));
        failed++;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        replay_file(path);
        return;
    }
    k = scandir(path, &names, is_seed, alphasort);
    if (k < 0) {
        printf("FAIL %s: cannot read directory: %s\n", path, strerror(errno));
        failed++;
        return;
    }
    for (int i = 0; i < k; i++) {
        size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
        char *full = malloc(len);
        if (full) {
            struct stat fst;
            snprintf(full, len, "%s/%s", path, names[i]->d_name);
            if (stat(full, &fst) == 0 && S_ISREG(fst.st_mode))
                replay_file(full);
            free(full);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-DIR...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        replay_path(argv[i]);
    if (passed + failed == 0) {
        printf("FAIL no input found\n");
        failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
