using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeHoach57.Answering.Clauses;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// The words that tell an organisation's role in a clause (leads, coordinates), join an enumeration's items,
/// or open a list (roles.tsv beside this file), found OCR-tolerantly in a clause's words.
/// </summary>
public sealed class RoleWords
{
    private readonly Dictionary<string, List<string[]>> _byRole = new(StringComparer.Ordinal);
    private readonly VietnameseAnalyzer _analyzer;

    public RoleWords(VietnameseAnalyzer analyzer, string? tsv = null)
    {
        _analyzer = analyzer;
        foreach (var line in DataLines.Read(tsv ?? DataLines.ReadEmbedded(typeof(RoleWords).Assembly, "KeHoach57.Answering.Asks.roles.tsv")))
        {
            var role = line.Field(0);
            if (role is not ("lead" or "co" or "recipient" or "issuer" or "joiner" or "lead-in" or "before-items"))
                throw new InvalidDataException($"roles.tsv:{line.Number}: unknown role \"{role}\"");
            var words = analyzer.Tokenize(line.Field(1)).Select(t => t.Term).ToArray();
            if (words.Length == 0) throw new InvalidDataException($"roles.tsv:{line.Number}: empty words");
            if (!_byRole.TryGetValue(role, out var list)) _byRole[role] = list = [];
            list.Add(words);
        }
        foreach (var list in _byRole.Values) list.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    // Where each role's words stand depends on the clause only: found once per clause, not once per question.
    private readonly ConditionalWeakTable<Clause, ConcurrentDictionary<string, List<(int Start, int End)>>> _found = new();

    /// <summary>Where the role's words stand in the clause: (start, end) character offsets, left to right. The list is shared: do not change it.</summary>
    // Static factories given their state: a lambda closing over the clause was a delegate and a closure per call.
    public List<(int Start, int End)> Find(Clause clause, string role) =>
        _found.GetValue(clause, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(role, static (r, state) => state.Roles.Search(state.Clause, r), (Roles: this, Clause: clause));

    private List<(int Start, int End)> Search(Clause clause, string role)
    {
        var tokens = clause.Tokens(_analyzer);
        var found = new List<(int, int)>();
        if (!_byRole.TryGetValue(role, out var phrases)) return found;
        for (var i = 0; i < tokens.Count; i++)
            foreach (var phrase in phrases)
            {
                if (!OcrDistance.SameWordsAt(phrase, 0, phrase.Length, tokens, i)) continue;
                found.Add((tokens[i].Start, tokens[i + phrase.Length - 1].End));
                break;
            }
        return found;
    }

    /// <summary>The text with the glossary's abbreviations spelled out ("BCĐ tỉnh" → "ban chỉ đạo tỉnh").</summary>
    public string SpellOut(string text)
    {
        var tokens = _analyzer.Tokenize(text);
        var sb = new System.Text.StringBuilder();
        var at = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (_analyzer.AbbreviationSpanAt(text, tokens, k) is not ({ } entry, var length)) continue;
            sb.Append(text, at, tokens[k].Start - at).Append(entry.Canonical);
            k += length - 1;
            at = tokens[k].End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>True when the text between two items holds nothing but punctuation and joining words.</summary>
    public bool Joins(string between)
    {
        var words = _analyzer.Tokenize(between).Select(t => t.Term).ToList();
        if (words.Count > 1) return false;
        if (between.Any(c => c is '.' or ':' or '\n')) return false;
        return words.Count == 0 || _byRole["joiner"].Any(j => j.Length == 1 && j[0] == words[0]);
    }
}
