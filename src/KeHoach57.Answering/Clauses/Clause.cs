using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Clauses;

/// <summary>
/// A stretch of a passage an answer can quote: a sentence, a list item, a lead-in with the items it
/// introduces, or a whole table row. Offsets of values are into <see cref="Text"/>.
/// </summary>
/// <param name="Start">Where the clause starts in its chunk's text.</param>
/// <param name="RunOn">The clause continued into the rest of its line or its items: a second reading of the same start.</param>
public sealed class Clause(Chunk chunk, string text, int start, bool runOn)
{
    private List<Token>? _tokens;
    private string? _folded;
    private List<ValueSpan>? _dates, _figures, _numbers;

    public Chunk Chunk { get; } = chunk;
    public string Text { get; } = text;
    public int Start { get; } = start;
    public bool RunOn { get; } = runOn;
    public bool IsRow => Chunk.Kind == ChunkKind.TableRow;

    /// <summary>What the clause sits under: its row's table title and header, or its section's headings.</summary>
    public string Context => IsRow ? Chunk.Section + "\n" + Chunk.Context : Chunk.Section;

    /// <summary>The heading the clause sits directly under ("1. Phòng Văn hóa - Xã hội").</summary>
    public string Heading
    {
        get
        {
            var cut = Chunk.Section.LastIndexOf(" › ", StringComparison.Ordinal);
            return cut < 0 ? Chunk.Section : Chunk.Section[(cut + 3)..];
        }
    }

    /// <summary>Analyzed words of the clause (folded, OCR-repaired), with offsets into <see cref="Text"/>.</summary>
    public List<Token> Tokens(VietnameseAnalyzer analyzer) => _tokens ??= analyzer.Tokenize(Text);

    /// <summary>The clause folded character by character and lower-cased: offsets into it are offsets into <see cref="Text"/>.</summary>
    public string Folded => _folded ??= VietnameseAnalyzer.FoldAligned(Text).ToLowerInvariant();

    /// <summary>Dates, figures and document numbers in the clause, found once (every ask handler reads them).</summary>
    public List<ValueSpan> Dates => _dates ??= ValueSpans.Dates(Text);

    public List<ValueSpan> Figures => _figures ??= ValueSpans.Figures(Text);

    public List<ValueSpan> DocumentNumbers => _numbers ??= ValueSpans.DocumentNumbers(Text);

    /// <summary>The full date a cited document carries right after its number ("89/QĐ-TTg ngày 18/01/2019"), if any.</summary>
    public ValueSpan? DateOf(ValueSpan number) =>
        Dates.FirstOrDefault(d => d.Start >= number.End && d.Start - number.End <= 12 && d.Display.Count(c => c == '/') == 2);

    /// <summary>Cache slot for what the subject matcher reads of this clause (its words, phrases, glossary keys).</summary>
    internal object? Words { get; set; }

    public override string ToString() => Text;
}
