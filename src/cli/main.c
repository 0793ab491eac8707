/* main.c - the rasad program: dispatches to the subcommand table. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

#ifndef RASAD_VERSION
#define RASAD_VERSION "unknown"
#endif

static void help(FILE *f)
{
    fprintf(f, "usage: rasad COMMAND [OPTIONS] [ARGS]\n\n"
               "rasad turns raw Persian news into clean, searchable text.\n\ncommands:\n");
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(f, "  %-10s  %s\n", cli_commands[i].name, cli_commands[i].summary);
    fprintf(f, "\n'rasad COMMAND --help' tells more about one command.\n"
               "'rasad --version' prints the version.\n");
}

int main(int argc, char **argv)
{
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    if (argc < 2) {
        help(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        help(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rasad %s\n", RASAD_VERSION);
        return CLI_OK;
    }
    for (size_t i = 0; i < cli_ncommands; i++)
        if (strcmp(argv[1], cli_commands[i].name) == 0)
            return cli_commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "rasad: '%s' is not a rasad command (see 'rasad --help')\n", argv[1]);
    return CLI_USAGE;
}
