using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Word's automatic numbering written out as text: the paragraph's list (numId, from the paragraph or
/// its style) and level, the level's format and text ("%1.", "%1.%2.", "%1)"), and counters kept per
/// list definition in document order, deeper levels restarting under a new item. Bullets become the
/// "-" and "+" the plans use.
/// </summary>
public sealed class DocxNumbering(MainDocumentPart main)
{
    private readonly Numbering? numbering = main.NumberingDefinitionsPart?.Numbering;
    private readonly Dictionary<int, int[]> counters = [];

    /// <summary>The label Word shows before <paramref name="paragraph"/> ("2.", "b)", "II."), or null when it is not numbered.</summary>
    public string? Label(Paragraph paragraph, Styles? styles)
    {
        if (numbering is null || Reference(paragraph, styles) is not var (numId, ilvl) || numId == 0) return null;
        var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        if (instance is null || definition is null || abstractId is not { } key) return null;

        var levels = Enumerable.Range(0, 9).Select(i => LevelOf(instance, definition, i)).ToArray();
        if (levels[ilvl] is not { } level) return null;
        if (!counters.TryGetValue(key, out var counts))
        {
            counts = new int[9];
            for (var i = 0; i < 9; i++) counts[i] = Start(instance, levels[i], i) - 1;
            counters[key] = counts;
        }
        counts[ilvl]++;
        for (var deeper = ilvl + 1; deeper < 9; deeper++) counts[deeper] = Start(instance, levels[deeper], deeper) - 1;

        var format = level.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet) return ilvl == 0 ? "-" : "+";
        if (format == NumberFormatValues.None) return null;
        var text = level.LevelText?.Val?.Value ?? "";
        for (var i = 0; i <= ilvl; i++)
        {
            var levelFormat = levels[i]?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
            text = text.Replace("%" + (i + 1), Format(Math.Max(counts[i], Start(instance, levels[i], i)), levelFormat));
        }
        return text.Trim() is { Length: > 0 } label ? label : null;
    }

    /// <summary>numId and level from the paragraph's own properties, else from its style chain.</summary>
    private (int NumId, int Level)? Reference(Paragraph paragraph, Styles? styles)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = own?.NumberingId?.Val?.Value;
        int? level = own?.NumberingLevelReference?.Val?.Value;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; (numId is null || level is null) && styleId is not null && depth < 10; depth++)
        {
            var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            var fromStyle = style?.StyleParagraphProperties?.NumberingProperties;
            numId ??= fromStyle?.NumberingId?.Val?.Value;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            styleId = style?.BasedOn?.Val?.Value;
        }
        return numId is { } id ? (id, Math.Clamp(level ?? 0, 0, 8)) : null;
    }

    private static Level? LevelOf(NumberingInstance instance, AbstractNum definition, int ilvl)
    {
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == ilvl)?.Level;
        return overridden ?? definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ilvl);
    }

    private static int Start(NumberingInstance instance, Level? level, int ilvl) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == ilvl)?.StartOverrideNumberingValue?.Val?.Value
        ?? level?.StartNumberingValue?.Val?.Value ?? 1;

    private static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.UpperRoman) return Import.Numbering.ToRoman(value);
        if (format == NumberFormatValues.LowerRoman) return Import.Numbering.ToRoman(value).ToLowerInvariant();
        if (format == NumberFormatValues.LowerLetter) return Letter(value);
        if (format == NumberFormatValues.UpperLetter) return Letter(value).ToUpperInvariant();
        if (format == NumberFormatValues.DecimalZero) return value.ToString("00");
        return value.ToString();
    }

    /// <summary>a, b, … z, aa, bb: Word's letter numbering (the Vietnamese "đ" is typed by hand, never generated).</summary>
    private static string Letter(int value) => new((char)('a' + (value - 1) % 26), (value - 1) / 26 + 1);
}
