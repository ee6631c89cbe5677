#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs pamphlet under qemu's user-mode emulation, for the tests: set
# PAMPHLET to this script and PAMPHLET_REAL to the binary; QEMU names the
# emulator (qemu-x86_64 by default).  The emulator's own work counts as
# the program's processor time, so the bounds of the hostile and signal
# tests need HOSTILE_SLOW (10 is enough).
exec "${QEMU:-qemu-x86_64}" \
    "${PAMPHLET_REAL:?set PAMPHLET_REAL to the pamphlet binary}" "$@"
