#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/fleet-repo makes a repository that apt trusts and upgrades from.
# Builds small packages with dpkg-deb, publishes them with a throwaway
# key, and runs apt-get in a configuration of its own (its sources,
# keyrings, lists, cache, preferences and dpkg database all in the
# scratch folder; nothing of the machine's apt is read or written) with
# a deb822 source whose Signed-By names the published keyring: update,
# install, upgrade, a tampered Release, another key, a pin above 1000.
# As root the packages are installed into a scratch root with dpkg
# --root; otherwise apt only simulates the installs.
. "${top_srcdir:-.}/tests/lib.sh"
for cmd in apt-ftparchive gpg gpgv dpkg-deb apt-get; do
	command -v $cmd >/dev/null 2>&1 || tap_skip_all "$cmd is not installed"
done
tap_tmpdir
T=$tap_tmp
# gpg starts an agent for the scratch home: end it with the folder.
trap 'gpgconf --homedir "$T/gnupg" --kill all >/dev/null 2>&1
    gpgconf --homedir "$T/gnupg" --remove-socketdir >/dev/null 2>&1
    gpgconf --homedir "$T/other" --kill all >/dev/null 2>&1
    gpgconf --homedir "$T/other" --remove-socketdir >/dev/null 2>&1
    rm -rf "$T"' EXIT
tap_plan 17

renv=
repo() { env $renv sh "${top_srcdir:-.}/tools/fleet-repo" "$@"; }
# mkdeb DIR PACKAGE VERSION ARCH [TEXT]: a package with one file.
mkdeb() {
	d=$T/build/$2-$3-$4
	mkdir -p "$d/DEBIAN" "$d/usr/share/$2" "$1"
	cat >"$d/DEBIAN/control" <<-EOF
	Package: $2
	Version: $3
	Architecture: $4
	Maintainer: Test <test@example.invalid>
	Description: a package for the repository test
	 It holds one file.
	EOF
	echo "${5:-$2 $3}" >"$d/usr/share/$2/version"
	dpkg-deb --root-owner-group -Zgzip -b "$d" "$1" >/dev/null
}
mkdeb "$T/v1" pamphlet-test 1.0 all
mkdeb "$T/v1" pamphlet-test-tool 1.0 amd64
mkdeb "$T/v1" pamphlet-test-tool 1.0 armhf
mkdir -p "$T/v2" "$T/v3"
cp "$T/v1"/*.deb "$T/v2/"
mkdeb "$T/v2" pamphlet-test 1.1 all
mkdeb "$T/v3" pamphlet-test 1.2 all
mkdeb "$T/bad" pamphlet-test 1.0 all "other contents under the same version"

# aptc NAME SUITE KEYRING [REPO]: an apt configuration in $T/NAME, with
# one source; ag NAME ARGS... runs apt-get with it, output in $T/NAME.out.
aptc() {
	a=$T/$1
	mkdir -p "$a/etc/apt.conf.d" "$a/etc/preferences.d" "$a/etc/sources.list.d" \
	    "$a/etc/trusted.gpg.d" "$a/state/lists/partial" "$a/cache/archives/partial" \
	    "$a/log" "$a/root/var/lib/dpkg/updates" "$a/root/var/lib/dpkg/info"
	: >"$a/root/var/lib/dpkg/status"
	cat >"$a/apt.conf" <<-EOF
	Dir::Etc "$a/etc/";
	Dir::Etc::Parts "apt.conf.d";
	Dir::Etc::Main "apt.conf";
	Dir::Etc::SourceList "sources.list";
	Dir::Etc::SourceParts "sources.list.d";
	Dir::Etc::Trusted "trusted.gpg";
	Dir::Etc::TrustedParts "trusted.gpg.d";
	Dir::Etc::Preferences "preferences";
	Dir::Etc::PreferencesParts "preferences.d";
	Dir::State "$a/state/";
	Dir::State::status "$a/root/var/lib/dpkg/status";
	Dir::Cache "$a/cache/";
	Dir::Log "$a/log/";
	APT::Architecture "amd64";
	APT::Architectures { "amd64"; };
	APT::Sandbox::User "root";
	Acquire::Languages "none";
	DPkg::Options { "--root=$a/root"; "--admindir=$a/root/var/lib/dpkg";
	    "--log=$a/log/dpkg.log"; "--force-not-root"; };
	EOF
	cat >"$a/etc/sources.list.d/fleet.sources" <<-EOF
	Types: deb
	URIs: file:${4:-$T/repo}
	Suites: $2
	Components: main
	Signed-By: $3
	EOF
}
ag() {
	n=$1
	shift
	APT_CONFIG=$T/$n/apt.conf apt-get -q "$@" >"$T/$n.out" 2>&1
}
# A clean run: status 0 and neither a warning nor an error.
ag_clean() { ag "$@" && ! grep -q '^[WE]:' "$T/$1.out"; }
if [ "$(id -u)" -eq 0 ]; then sim=; else sim=--simulate; fi
# installed NAME PACKAGE VERSION: the scratch root of NAME has it.  Where
# apt only simulates, says so to apt by writing the dpkg database.
installed() {
	if [ -n "$sim" ]; then
		printf 'Package: %s\nStatus: install ok installed\nVersion: %s\nArchitecture: all\nMaintainer: Test <test@example.invalid>\nDescription: x\n x\n' \
		    "$2" "$3" >"$T/$1/root/var/lib/dpkg/status"
		return 0
	fi
	awk -v RS='' -v p="$2" -v v="$3" '{
		n = split($0, l, "\n"); pk = ""; ve = ""
		for (i = 1; i <= n; i++) {
			if (l[i] == "Package: " p) pk = 1
			if (l[i] == "Version: " v) ve = 1
		}
		if (pk && ve) f = 1
	    } END { exit !f }' "$T/$1/root/var/lib/dpkg/status"
}

# 1-4. The repository.
if repo --gnupghome "$T/gnupg" "$T/v1" "$T/repo" >"$T/out" 2>"$T/err" &&
    grep -q 'throwaway' "$T/err"; then
	tap_ok "makes a repository, with a throwaway key it says it made"
else
	tap_fail "makes a repository, with a throwaway key it says it made" "$(cat "$T/out" "$T/err")"
fi
missing=
for f in pool/main/p/pamphlet-test/pamphlet-test_1.0_all.deb \
    pool/main/p/pamphlet-test-tool/pamphlet-test-tool_1.0_amd64.deb \
    pool/main/p/pamphlet-test-tool/pamphlet-test-tool_1.0_armhf.deb \
    dists/fleet/main/binary-amd64/Packages dists/fleet/main/binary-amd64/Packages.gz \
    dists/fleet/main/binary-armhf/Packages dists/fleet/main/binary-armhf/Packages.gz \
    dists/fleet/Release dists/fleet/InRelease dists/fleet/Release.gpg pamphlet-fleet.gpg; do
	[ -s "$T/repo/$f" ] || missing="$missing $f"
done
leftover=$(find "$T/repo" -name '.fleet-repo.*')
if [ -z "$missing$leftover" ]; then
	tap_ok "pool, indexes of amd64 and armhf, Release, InRelease, Release.gpg, keyring"
else
	tap_fail "pool, indexes of amd64 and armhf, Release, InRelease, Release.gpg, keyring" \
	    "missing:$missing" "left behind: $leftover"
fi
rel=$T/repo/dists/fleet/Release
bad=
for l in "Origin: ClinicFleet" "Label: pamphlet" "Suite: fleet" "Codename: fleet" \
    "Architectures: amd64 armhf" "Components: main"; do
	grep -qx "$l" "$rel" || bad="$bad [$l]"
done
grep -q '^Date: ' "$rel" && grep -q '^SHA256:' "$rel" || bad="$bad [Date, SHA256]"
if [ -z "$bad" ]; then
	tap_ok "Release has Origin, Label, Suite, Codename, Architectures, Components, Date, hashes"
else
	tap_fail "Release has Origin, Label, Suite, Codename, Architectures, Components, Date, hashes" \
	    "wrong or missing:$bad" "$(cat "$rel")"
fi
idx() { grep -E '^(Package|Architecture):' "$T/repo/dists/fleet/main/binary-$1/Packages" | paste -d' ' - - | sort | tr '\n' ';'; }
want_amd64="Package: pamphlet-test Architecture: all;Package: pamphlet-test-tool Architecture: amd64;"
want_armhf="Package: pamphlet-test Architecture: all;Package: pamphlet-test-tool Architecture: armhf;"
if [ "$(idx amd64)" = "$want_amd64" ] && [ "$(idx armhf)" = "$want_armhf" ] &&
    gzip -dc "$T/repo/dists/fleet/main/binary-armhf/Packages.gz" | cmp -s - "$T/repo/dists/fleet/main/binary-armhf/Packages"; then
	tap_ok "each architecture's index lists its own packages and the arch-all one"
else
	tap_fail "each architecture's index lists its own packages and the arch-all one" \
	    "amd64: $(idx amd64)" "armhf: $(idx armhf)"
fi

# 5-7. A kiosk that follows the suite "fleet", trusting only the keyring.
ring=$T/repo/pamphlet-fleet.gpg
aptc k fleet "$ring"
if ag_clean k update; then
	tap_ok "apt-get update verifies the repository with the keyring in Signed-By"
else
	tap_fail "apt-get update verifies the repository with the keyring in Signed-By" "$(cat "$T/k.out")"
fi
if ag_clean k install -y $sim pamphlet-test && grep -q '^Inst pamphlet-test (1\.0 \|^Unpacking pamphlet-test (1\.0)' "$T/k.out" &&
    installed k pamphlet-test 1.0; then
	tap_ok "apt-get installs a package from it"
else
	tap_fail "apt-get installs a package from it" "$(tail -20 "$T/k.out")"
fi
if repo --gnupghome "$T/gnupg" "$T/v2" "$T/repo" >"$T/out" 2>"$T/err" &&
    ! grep -q throwaway "$T/err" && ag_clean k update && ag k --simulate upgrade &&
    grep -q '^Inst pamphlet-test \[1\.0\] (1\.1 ' "$T/k.out" && ag_clean k upgrade -y $sim &&
    installed k pamphlet-test 1.1; then
	tap_ok "a newer version published to the suite is taken as an upgrade"
else
	tap_fail "a newer version published to the suite is taken as an upgrade" "$(cat "$T/err")" "$(tail -20 "$T/k.out")"
fi

# 8. Canary: a second suite beside the first, sharing the pool.
cp "$T/repo/dists/fleet/InRelease" "$T/fleet.InRelease"
aptc c canary "$ring"
if repo --suite canary --arch amd64 --arch armhf --gnupghome "$T/gnupg" "$T/v3" "$T/repo" >"$T/out" 2>"$T/err" &&
    grep -qx 'Suite: canary' "$T/repo/dists/canary/Release" &&
    grep -qx 'Codename: canary' "$T/repo/dists/canary/Release" &&
    cmp -s "$T/fleet.InRelease" "$T/repo/dists/fleet/InRelease" &&
    ag_clean c update && ag c --simulate install pamphlet-test &&
    grep -q '^Inst pamphlet-test (1\.2 ' "$T/c.out"; then
	tap_ok "a canary suite gets the new version; the fleet suite stays as it was"
else
	tap_fail "a canary suite gets the new version; the fleet suite stays as it was" \
	    "$(cat "$T/err")" "$(tail -5 "$T/c.out" "$T/k.out")"
fi

# 9. Emergency rollback: a pin above 1000 takes the older version listed.
printf 'Package: pamphlet-test\nPin: version 1.0\nPin-Priority: 1001\n' >"$T/k/etc/preferences.d/00-rollback"
if ag k --simulate upgrade && grep -q '^Inst pamphlet-test \[1\.1\] (1\.0 ' "$T/k.out"; then
	tap_ok "a pin above 1000 to a version still in the index downgrades to it"
else
	tap_fail "a pin above 1000 to a version still in the index downgrades to it" "$(cat "$T/k.out")"
fi
rm "$T/k/etc/preferences.d/00-rollback"

# 10-12. What apt must refuse, in one update of three sources: apt says
# why for each, and takes no index from any of them.
cp -R "$T/repo" "$T/t1"
sed 's/^Label: pamphlet$/Label: pamphlex/' "$T/repo/dists/fleet/InRelease" >"$T/t1/dists/fleet/InRelease"
cp -R "$T/repo" "$T/t2"
rm "$T/t2/dists/fleet/InRelease"
echo "Valid-Until: Sat, 01 Jan 2100 00:00:00 UTC" >>"$T/t2/dists/fleet/Release"
mkdir -m 700 "$T/other"
gpg --homedir "$T/other" --batch --passphrase '' --quick-generate-key \
    "another key <other@example.invalid>" ed25519 sign 1d >/dev/null 2>&1
gpg --homedir "$T/other" --batch --export >"$T/other.gpg" 2>/dev/null
aptc bad fleet "$ring" "$T/t1"
printf '\nTypes: deb\nURIs: file:%s\nSuites: fleet\nComponents: main\nSigned-By: %s\n' \
    "$T/t2" "$ring" "$T/repo" "$T/other.gpg" >>"$T/bad/etc/sources.list.d/fleet.sources"
if ag bad update; then rc=0; else rc=$?; fi
# refused_by_apt NAME URI WHY: apt said WHY for the source at URI.
refused_by_apt() {
	if [ $rc -ne 0 ] && grep "file:$2 fleet" "$T/bad.out" | grep -q "$3" &&
	    ! ls "$T/bad/state/lists" | grep -q "^$(echo "$2" | tr / _)_.*Packages"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc" "$(cat "$T/bad.out")" "$(ls "$T/bad/state/lists")"
	fi
}
refused_by_apt "apt-get update refuses a changed InRelease" "$T/t1" BADSIG
refused_by_apt "apt-get update refuses a changed Release with Release.gpg" "$T/t2" BADSIG
refused_by_apt "apt-get update refuses a repository signed by a key not in Signed-By" \
    "$T/repo" NO_PUBKEY

# 13-17. What fleet-repo must refuse, changing nothing.
cp "$T/repo/dists/fleet/InRelease" "$T/fleet.InRelease"
unchanged() { cmp -s "$T/fleet.InRelease" "$T/repo/dists/fleet/InRelease"; }
# refused NAME PATTERN ARGS...: fleet-repo exits 1 saying PATTERN.
refused() {
	name=$1 pat=$2
	shift 2
	repo "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "$pat" "$T/err" && unchanged; then
		tap_ok "$name"
	else
		tap_fail "$name" "status $rc" "$(cat "$T/out" "$T/err")"
	fi
}
refused "refuses a published version with other contents" "already published" \
    --gnupghome "$T/gnupg" "$T/bad" "$T/repo"
refused "refuses to replace the published keyring with another key" "holds another key" \
    --gnupghome "$T/other" "$T/v1" "$T/repo"
mkdir "$T/empty"
refused "refuses a folder with no .deb files" "no .deb files" \
    --gnupghome "$T/gnupg" "$T/empty" "$T/repo"
renv="GPG=$T/no-such-gpg"
refused "says so when gpg is missing" "gpg is missing" \
    --gnupghome "$T/gnupg" "$T/v1" "$T/repo"
mkdir "$T/home"
renv="-u GNUPGHOME HOME=$T/home"
if repo "$T/v1" "$T/repo" >"$T/out" 2>"$T/err"; then rc=0; else rc=$?; fi
if [ $rc -eq 1 ] && grep -q "no signing key" "$T/err" && unchanged &&
    [ ! -e "$T/home/.gnupg" ]; then
	tap_ok "without --key or --gnupghome, refuses and leaves the default gpg home alone"
else
	tap_fail "without --key or --gnupghome, refuses and leaves the default gpg home alone" \
	    "status $rc" "$(cat "$T/err")" "$(ls -a "$T/home")"
fi
