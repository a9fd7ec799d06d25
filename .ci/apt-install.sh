#!/usr/bin/env bash
# Installs Debian packages quietly, with sudo when not root: `bash .ci/apt-install.sh PACKAGE...`.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq "$@" >/dev/null
