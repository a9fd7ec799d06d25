using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Documents;

namespace KeHoach57.Answering.Composition;

/// <summary>
/// Short, readable names for plans and passages: "KH xã Yên Hòa", "KH xã Yên Hòa › III.1",
/// "QĐ xã Trường Giang › Phụ lục II, dòng 5". Section numbers come from the passage's anchor, which the
/// importer normalised ("II1." in the OCR is section III), not from the OCR'd heading text.
/// </summary>
public sealed class SourceLabels(Corpus corpus, DocumentKinds kinds)
{
    private readonly ConcurrentDictionary<string, string> _plans = new();
    // By chunk: every answer and refusal labels the passages it read, and a label is made of splits and joins.
    private readonly ConditionalWeakTable<Chunk, string> _passages = new();

    /// <summary>"KH xã Yên Hòa", "KHHĐ tỉnh Thái Nguyên".</summary>
    public string Plan(string docId) => _plans.GetOrAdd(docId, id =>
    {
        if (corpus.Find(id) is not { } doc) return id;
        var kind = kinds.OfTitle(doc.Info.Title);
        var abbreviation = kind is null ? null : Abbreviation(kind);
        var place = doc.Info.Locality.Length > 0 ? doc.Info.Locality : doc.Info.Issuer;
        return abbreviation is null ? doc.Info.Title : $"{abbreviation} {place}".Trim();
    });

    public string Passage(Chunk chunk) => _passages.TryGetValue(chunk, out var known) ? known : _passages.GetValue(chunk, c =>
    {
        var section = Section(c);
        return section.Length == 0 ? Plan(c.DocId) : $"{Plan(c.DocId)} › {section}";
    });

    private static string Abbreviation(DocumentKind kind) =>
        kind.Symbol.Length == 0 ? kind.Name : kind.Name.Split(' ').Length > 2 ? kind.Symbol + "HĐ" : kind.Symbol;

    /// <summary>"iii-1-a" → "III.1.a"; "phu-luc-ii-r5" → "Phụ lục II, dòng 5"; "dieu-2" → "Điều 2"; otherwise the heading.</summary>
    private static string Section(Chunk chunk)
    {
        var anchor = chunk.Anchor;
        var cut = anchor.IndexOf("-p", StringComparison.Ordinal);
        if (cut > 0 && anchor[(cut + 2)..].All(char.IsDigit)) anchor = anchor[..cut];
        string? row = null;
        var r = anchor.LastIndexOf("-r", StringComparison.Ordinal);
        if (r > 0) { row = anchor[(r + 2)..].Replace('-', '.'); anchor = anchor[..r]; }
        var g = anchor.LastIndexOf("-g", StringComparison.Ordinal);
        if (g > 0) { row = Roman(anchor[(g + 2)..]); anchor = anchor[..g]; }
        var label = anchor switch
        {
            _ when anchor.StartsWith("phu-luc", StringComparison.Ordinal) => "Phụ lục " + Numbered(anchor["phu-luc".Length..].Trim('-')),
            _ when anchor.StartsWith("dieu-", StringComparison.Ordinal) => "Điều " + anchor["dieu-".Length..],
            _ when Numbered(anchor) is { Length: > 0 } n && IsNumbering(anchor) => n,
            _ => FirstHeading(chunk),
        };
        return row is null ? label : $"{label}, dòng {row}";
    }

    private static bool IsNumbering(string anchor) =>
        anchor.Split('-').All(p => p.Length <= 4 && (p.All(char.IsDigit) || p.All(c => "ivxl".Contains(c)) || p.Length <= 2 && p.All(char.IsLetter)));

    private static string Numbered(string anchor)
    {
        var parts = anchor.Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count == 0) return "";
        parts[0] = parts[0].All(c => "ivxl".Contains(c)) ? parts[0].ToUpperInvariant() : parts[0];
        return string.Join('.', parts.Select(p => p == "dd" ? "đ" : p));
    }

    private static string Roman(string digits) => int.TryParse(digits, out var n) && n is > 0 and < 40
        ? string.Concat(Enumerable.Repeat("X", n / 10)) + new[] { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" }[n % 10]
        : digits;

    private static string FirstHeading(Chunk chunk)
    {
        var heading = chunk.Section.Split(" › ")[0].Trim();
        return heading.Length <= 40 ? heading : heading[..heading.LastIndexOf(' ', 40)] + "…";
    }
}
