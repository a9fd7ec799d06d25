#!/usr/bin/env bash
# Rebuilds src/KeHoach57.Core/Text/Restoration/syllables.tsv.gz, the syllable model restoration ships:
# the syllables of the MIT-licensed npm package @cspell/dict-vi-vn, the words, definitions and examples of
# the MIT-licensed npm package @vntk/dictionary (both pinned below; their licences are kept beside the data
# file), plus the counts, pairs and runs of three of the clean plan corpus/bac-giang.md, the glossary's expansions and the
# plans' titles, each counted 100 times (the plans' register outweighs the dictionary's).
# Deterministic: the same inputs give the same file.
# Never use the package dictionary-vi (GPL-2.0) or anything derived from it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="3.0.6"
dictionary_version="1.0.0"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "@cspell/dict-vi-vn@$version" "cspell-trie-lib@10.4.1" "@vntk/dictionary@$dictionary_version" >/dev/null)
cp "$here/dump-cspell-words.mjs" "$work/"
node "$work/dump-cspell-words.mjs" "$work/node_modules/@cspell/dict-vi-vn/vi.trie.gz" > "$work/words.txt"
cp "$work/node_modules/@cspell/dict-vi-vn/LICENSE" "$root/src/KeHoach57.Core/Text/Restoration/LICENSE-cspell-dict-vi-vn.txt"
cp "$work/node_modules/@vntk/dictionary/LICENSE" "$root/src/KeHoach57.Core/Text/Restoration/LICENSE-vntk-dictionary.txt"
dotnet run --project "$root/src/KeHoach57.Cli" -c Release -- restoration-build --words "$work/words.txt" --source "npm package @cspell/dict-vi-vn $version (MIT)" \
  --dictionary "$work/node_modules/@vntk/dictionary" --dictionary-source "npm package @vntk/dictionary $dictionary_version (MIT)"
