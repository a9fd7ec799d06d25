// Prints every word of @cspell/dict-vi-vn's trie (vi.trie.gz), one per line, in the trie's order.
// Usage: node dump-cspell-words.mjs <path to vi.trie.gz>   (needs cspell-trie-lib installed beside it)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';

const text = gunzipSync(readFileSync(process.argv[2])).toString('utf8');
const root = importTrie(text.split('\n'));
process.stdout.write([...iteratorTrieWords(root)].join('\n') + '\n');
