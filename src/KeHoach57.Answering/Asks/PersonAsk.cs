using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// A person: a name after "Ông", "Bà", "Đồng chí", or a post (posts.tsv) such as "Chủ tịch UBND xã". The plans
/// as indexed hold no signature blocks, so "họ tên người ký" finds no one and is refused.
/// </summary>
public sealed partial class PersonAsk : IAskHandler
{
    private readonly List<string[]> _posts = [];
    private readonly VietnameseAnalyzer _analyzer;
    private readonly UnitReading _units;

    public PersonAsk(VietnameseAnalyzer analyzer, UnitReading units)
    {
        _analyzer = analyzer;
        _units = units;
        foreach (var line in DataLines.Read(DataLines.ReadEmbedded(typeof(PersonAsk).Assembly, "KeHoach57.Answering.Asks.posts.tsv")))
            _posts.Add(analyzer.Tokenize(line.Field(0)).Select(t => t.Term).ToArray());
        _posts.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public AskKind Kind => AskKind.Person;

    [GeneratedRegex(@"(?:\b[ÔôBb]à|\b[Ôô]ng|\b[Đđ]ồng chí)\s+(?<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3})")]
    private static partial Regex Named();

    // The people and posts a clause names depend on the clause only (not on the question): read once per clause.
    private readonly ConditionalWeakTable<Clause, Candidate[]> _read = new();

    // Looked up first: GetValue's factory closes over this handler, a delegate per call on a path taken per clause.
    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question) =>
        _read.TryGetValue(clause, out var known) ? known : _read.GetValue(clause, c => ReadClause(c).ToArray());

    private IEnumerable<Candidate> ReadClause(Clause clause)
    {
        foreach (Match m in Named().Matches(clause.Text))
        {
            var g = m.Groups["name"];
            yield return new Candidate(Kind, g.Value, g.Index, g.Index + g.Length, 1.0);
        }
        var tokens = clause.Tokens(_analyzer);
        IReadOnlyList<Values.UnitMention>? units = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var post = PostAt(tokens, i);
            if (post is null) continue;
            units ??= _units.Found(clause);
            // "Ban Bí thư" is a body, not the post "Bí thư".
            if (units.Any(u => u.Start < tokens[i].Start && u.End >= tokens[i + post.Length - 1].End)) continue;
            // "Chủ tịch UBND xã": the post with whose it is, up to the next punctuation, four words at most.
            var end = tokens[i + post.Length - 1].End;
            var j = i + post.Length;
            while (j < tokens.Count && j < i + post.Length + 4 && !clause.Text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End).ContainsAny(",.;:(\n")
                   && char.IsUpper(clause.Text[tokens[j].Start])) end = tokens[j++].End;
            // "Chủ tịch Ủy ban nhân dân huyện": whose post it is runs to the end of the unit's name, lower-case words and all.
            if (units.FirstOrDefault(u => u.Start >= tokens[i + post.Length - 1].End && u.Start < end + 2) is { } unit && unit.End > end)
            {
                end = unit.End;
                while (j < tokens.Count && tokens[j].End <= end) j++;
            }
            yield return new Candidate(Kind, clause.Text[tokens[i].Start..end], tokens[i].Start, end, 0.7) { IsText = true };
            i = j - 1;
        }
    }

    /// <summary>The longest post (the first in <see cref="_posts"/>) whose words, in any OCR spelling, start at token <paramref name="i"/>.</summary>
    private string[]? PostAt(List<Token> tokens, int i)
    {
        // Plain loops: this runs at every token of every clause read, and a Linq chain here allocated per post and token.
        foreach (var post in _posts)
            if (OcrDistance.SameWordsAt(post, 0, post.Length, tokens, i)) return post;
        return null;
    }
}
