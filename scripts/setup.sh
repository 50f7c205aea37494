#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what klantreis needs to build and test on Debian 12 / Ubuntu.
# Idempotent: installs only missing packages; uses sudo when not root.
# The X packages are for the contrast test and scripts/screenshots: a
# real xterm under Xvfb with a bitmap font (xfonts-base), photographed
# with xwd (x11-apps), converted by netpbm, keys typed by xdotool.
# openssh-server is for the SSH tests (tests/server): they start a sshd
# of their own on a high port; the system service is not needed.
# dialog is only for tests/bench/start.sh (the start-up benchmark compares
# the guide with it). clang and libclang-rt-14-dev (libFuzzer and clang's
# sanitizer runtimes, only recommended by clang's packages, so named here)
# build the fuzz targets that scripts/test runs for a few seconds each and
# scripts/fuzz for longer.
set -eu
pkgs="build-essential meson ninja-build pkg-config gettext libncurses-dev
libxml2-dev libxml2-utils libcmocka-dev tmux valgrind time graphviz locales
libqrencode-dev libcrypt-dev zbar-tools mandoc openssh-server dialog
xvfb xterm x11-apps xfonts-base netpbm xdotool clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "klantreis: installing$missing" >&2
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
