#!/usr/bin/env bash
# check_banned.sh - fails when C code under src/ calls a banned function.
#
# Banned, as in git's banned.h: calls that overflow buffers or depend on
# locale or hidden global state. Use memcpy with lengths, snprintf,
# strtok_r-free parsing over (p, n), and the _r time functions instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
banned='\b(strcpy|strcat|strncpy|strncat|sprintf|vsprintf|strtok|gets|localtime|gmtime|asctime|ctime)[[:space:]]*\('
hits=$(grep -rnE "$banned" "$root/src" --include='*.c' --include='*.h' || true)
# ctype on raw bytes: isspace, isalpha... are banned in the library too.
ctype=$(grep -rnE '\b(isspace|isalpha|isdigit|isalnum|isupper|islower|tolower|toupper)[[:space:]]*\(' \
        "$root/src/core" --include='*.c' --include='*.h' || true)
n=0
if [ -n "$hits" ]; then echo "banned calls:"; echo "$hits"; n=1; fi
if [ -n "$ctype" ]; then echo "ctype calls in the library:"; echo "$ctype"; n=1; fi
if [ "$n" = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit "$n"
