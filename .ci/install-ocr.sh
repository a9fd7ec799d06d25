#!/usr/bin/env bash
# Installs what the import's scan and PDF tests use from Debian: tesseract with its Vietnamese and English models (OCR of
# scans and photos), poppler-utils (pdftoppm renders scanned pages, pdftotext is the second PDF reader) and
# the DejaVu fonts the tests set generated PDFs in. Idempotent and quiet: does nothing when all are there.
set -euo pipefail

if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie \
   && tesseract --list-langs 2>/dev/null | grep -qx eng \
   && command -v pdftoppm >/dev/null && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils fonts-dejavu-core
tesseract --version | head -n 1
