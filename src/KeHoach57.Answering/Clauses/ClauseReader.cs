using System.Collections.Concurrent;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Clauses;

/// <summary>
/// Cuts a passage into the clauses an answer can quote, once per passage. A table row is one clause (its
/// cells only mean something together). A lead-in ending in ":" also reads on through the items after it,
/// and a clause also reads on into the rest of its line ("…; hoàn thành trong quý II/2025"), so that a fact
/// split across a line still has one clause that holds it whole.
/// </summary>
public sealed class ClauseReader
{
    private const int RunOnChars = 360;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Clause>> _byChunk = new();

    // A static factory given the chunk: a lambda closing over it was a delegate and a closure per call.
    public IReadOnlyList<Clause> Of(Chunk chunk) => _byChunk.GetOrAdd(chunk.Id, static (_, c) => Split(c), chunk);

    private static List<Clause> Split(Chunk chunk)
    {
        if (chunk.Kind == ChunkKind.TableRow) return [new Clause(chunk, chunk.Text, 0, false)];
        var clauses = new List<Clause>();
        var text = chunk.Text;
        var spans = Sentences.Split(text);
        for (var i = 0; i < spans.Count; i++)
        {
            clauses.Add(new Clause(chunk, spans[i].Of(text), spans[i].Start, false));
            var leadIn = spans[i].Of(text).EndsWith(':');
            var end = i;
            while (end + 1 < spans.Count && spans[end + 1].End - spans[i].Start < RunOnChars
                   && (leadIn || !text.AsSpan(spans[end].End, spans[end + 1].Start - spans[end].End).Contains('\n'))) end++;
            if (end > i) clauses.Add(new Clause(chunk, text[spans[i].Start..spans[end].End], spans[i].Start, true));
        }
        if (clauses.Count == 0 && text.Trim().Length > 0) clauses.Add(new Clause(chunk, text.Trim(), text.IndexOf(text.Trim(), StringComparison.Ordinal), false));
        return clauses;
    }
}
