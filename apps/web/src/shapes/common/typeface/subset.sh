#!/bin/sh -e
# Cuts Atkinson Hyperlegible's TTFs (@expo-google-fonts/atkinson-hyperlegible, SIL OFL 1.1, no
# reserved font name) into the board's latin and latin-ext faces, WOFF2, with the TTF's hinting
# kept: Chromium without subpixel positioning (its headless shell here, Linux desktops at 1×)
# rounds each advance from the hinting, and an unhinted subset (Fontsource's) measured bold text
# up to 17 % wider than the TTF, breaking notes' lines elsewhere. These keep every width.
# The files are committed; run again only to change the ranges (Debian: python3-fonttools,
# python3-brotli). The ranges are Fontsource's (also in ../loadFonts.ts).
here=$(cd "$(dirname "$0")" && pwd)
ttf="$here/../../../../node_modules/@expo-google-fonts/atkinson-hyperlegible"
latin='U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
ext='U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
for face in 400Regular:400 700Bold:700; do
  name=${face%%:*}
  weight=${face##*:}
  for subset in latin ext; do
    eval "range=\$$subset"
    out=$([ "$subset" = ext ] && echo latin-ext || echo latin)
    /usr/bin/python3 -m fontTools.subset "$ttf/$name/AtkinsonHyperlegible_$name.ttf" \
      --unicodes="$range" --layout-features='*' --flavor=woff2 \
      --output-file="$here/atkinson-hyperlegible-$out-$weight.woff2"
  done
done
