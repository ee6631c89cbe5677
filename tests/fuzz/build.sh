#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang, ASan and UBSan, apart from the
# normal build: the sources they need are compiled here, with the same
# flags, into OUTDIR.
#
#	tests/fuzz/build.sh [-o OUTDIR] [BUILDDIR]
#
# BUILDDIR is a configured build tree whose config.h is used; without it
# a minimal config.h for Debian 12 is written into OUTDIR.  OUTDIR is
# tests/fuzz in the current directory by default.  CC (clang) and
# FUZZ_CFLAGS may be set.  Needs clang and libclang-rt-14-dev.

set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
outdir=tests/fuzz
while getopts o: opt; do
	case $opt in
	o)	outdir=$OPTARG ;;
	*)	echo "usage: $0 [-o outdir] [builddir]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
builddir=${1:-}

CC=${CC:-clang}
FUZZ_CFLAGS=${FUZZ_CFLAGS:--fsanitize=fuzzer,address,undefined \
-fno-sanitize-recover=all -g -O1}
LIBS="-lyaml -lunistring -lncursesw"

mkdir -p "$outdir/obj"
outdir=$(cd "$outdir" && pwd)

if [ -n "$builddir" ]; then
	if [ ! -f "$builddir/config.h" ]; then
		echo "$0: no config.h in $builddir" >&2
		exit 1
	fi
	incdir=$(cd "$builddir" && pwd)
else
	incdir=$outdir
	version=$(sed -n 's/^AC_INIT(\[[^]]*\], *\[\([^]]*\)\].*/\1/p' \
	    "$srcdir/configure.ac")
	tmp=$outdir/config.h.tmp
	cat > "$tmp" <<EOF
/* A minimal config.h for the fuzz targets (glibc, libunistring). */
#define ENABLE_NLS 1
#define HAVE_DCGETTEXT 1
#define HAVE_GETTEXT 1
#define PACKAGE "pamphlet"
#define PACKAGE_NAME "pamphlet"
#define PACKAGE_VERSION "${version:-0}"
#define VERSION "${version:-0}"
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
EOF
	if cmp -s "$tmp" "$outdir/config.h"; then
		rm -f "$tmp"
	else
		mv "$tmp" "$outdir/config.h"
	fi
fi

# Compiles $1 into $2 when $2 is missing or older than a source, a
# header or config.h.  Catalogues are looked for in PAMPHLET_LOCALEDIR.
compile()
{
	if [ -f "$2" ] && [ -z "$(find "$1" "$srcdir/src" "$srcdir/tests/fuzz" \
	    "$incdir/config.h" -name '*.[ch]' -newer "$2" 2>/dev/null |
	    head -n 1)" ]; then
		return 0
	fi
	echo "  CC $1"
	# shellcheck disable=SC2086
	$CC -DHAVE_CONFIG_H -I"$incdir" -I"$srcdir/src" \
	    -DLOCALEDIR='"/nonexistent"' -DPKGDATADIR='"/nonexistent"' \
	    $FUZZ_CFLAGS -c -o "$2" "$1"
}

SRCS="content diag doc i18n idset idx keymap kiosk layout library mo pack \
readability schema search \
settings text tty xalloc ytree"

objs=
for s in $SRCS; do
	compile "$srcdir/src/$s.c" "$outdir/obj/$s.o"
	objs="$objs $outdir/obj/$s.o"
done

for t in fuzz_content fuzz_text fuzz_mo fuzz_pack fuzz_forms fuzz_settings; do
	compile "$srcdir/tests/fuzz/$t.c" "$outdir/obj/$t.o"
	# shellcheck disable=SC2086
	$CC $FUZZ_CFLAGS -o "$outdir/$t" "$outdir/obj/$t.o" $objs $LIBS
	echo "$outdir/$t"
done
