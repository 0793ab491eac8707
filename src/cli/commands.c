/* commands.c - the table of subcommands. To add one: write cmd_<name>.c
 * with an int cmd_<name>(int argc, char **argv), declare it in cli.h, and
 * add a row here (sorted by name). */
#include "cli.h"

const cli_command cli_commands[] = {
    { "normalize", cmd_normalize, "write Persian text in rasad's canonical form, line for line" },
    { "tokenize",  cmd_tokenize,  "split text into tokens with their byte offsets" },
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];
