#!/usr/bin/env bash
# Installs the Debian packages ReferralAtlas needs, only those that are missing.
# Runs apt-get as root, or through sudo for other users.
set -euo pipefail

# poppler-utils: the tests read handout PDFs back with pdftotext (a test fails without it).
# librsvg2-bin: `make bench` times rsvg-convert against the tool on the same picture.
# zlib1g-dev: PNG files are compressed in bands with zlib directly (Sources/CZlib).
packages=(pkg-config libcairo2-dev libpng-dev zlib1g-dev libjpeg-dev libpango1.0-dev fonts-dejavu-core poppler-utils librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: Swift 6.1 or later is needed (https://www.swift.org/install/); 'swift' is not on PATH" >&2
    exit 1
fi
