#!/usr/bin/env bash
# Remakes the Word test files of tests/fixtures/files/word/ from fixture pages, with LibreOffice
# (apt-get install -y libreoffice-writer). The files are committed: tests and CI do not need
# LibreOffice. Spreadsheets, images, WPS files and zip bombs are built by the tests themselves. Run from the repository root: bash scripts/make-word-fixtures.sh
#   seed-003.docx / seed-003.doc   seed 003's Word-pasted page (its real T3 errors must be found)
#   seed-003-split.docx            the same report with table 3 cut in two at a page break (two w:tbl)
#   news.docx                      a news page: a Word file that is not a report
set -euo pipefail
OUT=tests/fixtures/files/word
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
cp tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html "$WORK/seed-003.html"
cp tests/fixtures/seeds/003_ed735561ce7e8ab6.split.html "$WORK/seed-003-split.html"
cp tests/fixtures/pages/news.html "$WORK/news.html"
# a private profile: a first run must not touch the user's, nor wait for another soffice
PROFILE="-env:UserInstallation=file://$WORK/profile"
( cd "$WORK" && soffice "$PROFILE" --headless --convert-to 'docx:MS Word 2007 XML' seed-003.html seed-003-split.html news.html >/dev/null )
( cd "$WORK" && soffice "$PROFILE" --headless --convert-to 'doc:MS Word 97' seed-003.html >/dev/null )
cp "$WORK/seed-003.docx" "$WORK/seed-003-split.docx" "$WORK/news.docx" "$WORK/seed-003.doc" "$OUT/"
ls -l "$OUT"
