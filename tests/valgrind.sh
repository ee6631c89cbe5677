#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs pamphlet under valgrind memcheck, for the end-to-end tests: set
# PAMPHLET to this script and PAMPHLET_REAL to the binary.  Any memory
# error or definite leak makes the program exit with status 99, which the
# tests see as a failure.  ncurses keeps some memory for the life of the
# process on purpose, so only definite leaks count.
exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="${VALGRIND_LOG:-/dev/stderr}" \
    "${PAMPHLET_REAL:?set PAMPHLET_REAL to the pamphlet binary}" "$@"
