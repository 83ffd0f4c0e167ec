#!/bin/sh
# Real OCR noise for the corpus: renders a text as a phone photo of a letter
# (font, slight rotation, blur, low resolution, noise, JPEG), then reads it
# back with tesseract. The output is what a claimant's OCR would give.
#   tests/corpus/tools/ocr.sh IN.txt [level 1-4] [font] > OUT.txt
# Needs: apt-get install -y imagemagick tesseract-ocr
set -eu
# (ImageMagick's default policy forbids caption:@file, so the text is passed inline.)
in="$1"; level="${2:-2}"; font="${3:-DejaVu-Sans}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
case "$level" in
  1) rot=0.6; blur=0.5; scale=70; noise=0.2; q=60 ;;
  2) rot=1.2; blur=0.8; scale=55; noise=0.4; q=40 ;;
  3) rot=2.0; blur=1.0; scale=45; noise=0.6; q=30 ;;
  *) rot=2.8; blur=1.2; scale=38; noise=0.8; q=25 ;;
esac
/usr/bin/convert -size 1100x -background white -fill '#222' -font "$font" -pointsize 24 caption:"$(sed -e 's/%/%%/g' "$in")" \
  -bordercolor white -border 40 -rotate "$rot" -background white -flatten \
  -blur 0x"$blur" -resize "$scale"% -attenuate "$noise" +noise Gaussian -quality "$q" "$tmp/p.jpg"
/usr/bin/convert "$tmp/p.jpg" -resize 200% "$tmp/p.png"
tesseract "$tmp/p.png" stdout --psm 4 2>/dev/null | sed -e 's/[[:space:]]*$//' | cat -s
