#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs pamphlet under qemu's user-mode emulation, for the tests: set
# PAMPHLET to this script and PAMPHLET_REAL to the binary.  QEMU is the
# emulator with any options of its own, split at spaces: qemu-x86_64 by
# default; for a program built for another machine, its emulator and the
# folder its C library is found under, as in QEMU='qemu-arm -L /', which
# tools/cross-armhf sets for an armhf build.  The emulator's own work
# counts as the program's processor time, so the bounds of the hostile
# and signal tests need HOSTILE_SLOW (10 is enough).
set -f
# shellcheck disable=SC2086
exec ${QEMU:-qemu-x86_64} \
    "${PAMPHLET_REAL:?set PAMPHLET_REAL to the pamphlet binary}" "$@"
