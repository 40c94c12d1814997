#!/usr/bin/env bash
# Installs the Debian packages agentref needs when any is missing, then checks the Swift
# toolchain. Safe to run again: with everything present it only checks and returns.
set -euo pipefail

packages=(
    pkg-config
    libncurses-dev
    libsqlite3-dev
    libssl-dev
    libmicrohttpd-dev
    libqrencode-dev
    tmux
    zsh
    python3
    python3-venv
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

without() {
    local drop=$1
    shift
    local kept=()
    for item in "$@"; do [[ $item == "$drop" ]] || kept+=("$item"); done
    echo "${kept[@]}"
}

# A python3 outside Debian's packages (pyenv, a toolchain image) needs neither package.
if command -v python3 >/dev/null && python3 -c "import venv, ensurepip" 2>/dev/null; then
    read -r -a missing <<< "$(without python3 "${missing[@]}")"
    read -r -a missing <<< "$(without python3-venv "${missing[@]}")"
fi

if ((${#missing[@]} > 0)); then
    echo "bootstrap: installing ${missing[*]}" >&2
    sudo_prefix=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo to install ${missing[*]}" >&2; exit 1; }
        sudo_prefix=(sudo)
    fi
    "${sudo_prefix[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "bootstrap: swift not found; install Swift 6.0 or later from https://www.swift.org/install/linux/ and put it on PATH" >&2
    exit 1
fi
