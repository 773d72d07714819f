#!/usr/bin/env bash
# Installs the Debian packages ReferralAtlas needs, only those that are missing.
# Runs apt-get as root, or through sudo for other users.
set -euo pipefail

# poppler-utils: the tests read handout PDFs back with pdftotext (a test fails without it).
# librsvg2-bin: `make bench` times rsvg-convert against the tool on the same picture.
# zlib1g-dev: PNG files are compressed in bands with zlib directly (Sources/CZlib).
# libsqlite3-dev, libssl-dev: the web intake's database (GRDB) and its token hashing (libcrypto).
packages=(pkg-config libcairo2-dev libpng-dev zlib1g-dev libjpeg-dev libpango1.0-dev fonts-dejavu-core poppler-utils librsvg2-bin
          libsqlite3-dev libssl-dev)
# --browser: also what the web intake's browser test needs (Debian's chromium; Playwright
# for Python drives it and downloads no browser of its own).
browser=false
[ "${1:-}" = "--browser" ] && browser=true && packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Playwright for Python: Debian's package where the release has one, else from PyPI (pip may
# need --break-system-packages on a Debian Python that it does not manage).
if $browser && ! python3 -c "import playwright.sync_api" 2>/dev/null; then
    if [ "$(command -v python3)" = /usr/bin/python3 ] && apt-cache show python3-playwright >/dev/null 2>&1; then
        echo "Installing: python3-playwright"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-playwright
    else
        echo "Installing: playwright (Python, from PyPI)"
        python3 -m pip install --quiet playwright || python3 -m pip install --quiet --break-system-packages playwright
    fi
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: Swift 6.1 or later is needed (https://www.swift.org/install/); 'swift' is not on PATH" >&2
    exit 1
fi
