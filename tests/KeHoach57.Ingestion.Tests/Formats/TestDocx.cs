using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// Word documents made in the test with the Open XML SDK, the way an office writes a plan: the issuer and
/// motto in a two-column header table, headings in Heading 1–3 styles, "I.", "1." and "a)" and the bullets
/// as Word's automatic numbering (one multi-level list, so "1." restarts under each "II."), and appendix
/// tables as real tables. A heading whose number breaks the sequence (OCR'd sources skip) keeps it as text.
/// </summary>
public static partial class TestDocx
{
    private const int HeadingList = 1, BulletList = 2;

    public static byte[] FromPlan(PlanDocument plan, string[]? headerLeft = null, string[]? headerRight = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddNumbering(main);
            var body = main.Document.Body!;
            if (headerLeft is not null && headerRight is not null) body.Append(HeaderTable(headerLeft, headerRight));

            var counters = new int[3];
            foreach (var section in plan.AllSections())
            {
                var blocks = section.Blocks.AsEnumerable();
                // A bare "1." over its text was one numbered paragraph in the source; so it is here, in body style.
                if (!section.IsSynthetic && BareLabel().IsMatch(section.Heading) && section.Blocks.FirstOrDefault() is Documents.Paragraph lead)
                {
                    body.Append(Heading(section.Heading + " " + lead.Text, asHeading: false, counters));
                    blocks = blocks.Skip(1);
                }
                else if (!section.IsSynthetic) body.Append(Heading(section.Heading, asHeading: true, counters, section.Level - 1));
                foreach (var block in blocks)
                {
                    switch (block)
                    {
                        case Documents.Paragraph p: body.Append(Para(p.Text)); break;
                        case Documents.ListItem item: body.Append(Para(item.Text, numId: BulletList, level: item.Marker == '+' ? 1 : 0)); break;
                        case Documents.Table table: body.Append(Table(table)); break;
                    }
                }
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Roman, "N." and letter headings use the list when their number is the next one; anything else is typed.</summary>
    /// <param name="styleLevel">Heading style for a heading without a number of its own (1 = Heading 1).</param>
    private static WParagraph Heading(string heading, bool asHeading, int[] counters, int styleLevel = 1)
    {
        var candidate = Headings.Recognize(heading);
        var (level, style) = candidate?.Kind switch
        {
            HeadingKind.Roman => (0, "Heading1"),
            HeadingKind.Numbered when !candidate.Label.TrimEnd('.').Contains('.') => (1, "Heading2"),
            HeadingKind.Lettered => (2, "Heading3"),
            HeadingKind.Numbered => (-1, "Heading3"),
            _ => (-1, "Heading" + Math.Clamp(styleLevel, 1, 3)),
        };
        if (!asHeading) style = null;
        if (level >= 0)
        {
            var expected = counters[level] + 1;
            var label = level switch
            {
                0 => Import.Numbering.ToRoman(expected) + ".",
                1 => expected + ".",
                _ => (char)('a' + expected - 1) + ")",
            };
            if (candidate!.Label == label && candidate.Rest.Length > 0)
            {
                counters[level] = expected;
                for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
                return Para(candidate.Rest, style, HeadingList, level);
            }
        }
        return Para(heading, style);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,2}(\.\d{1,2})*\.|[a-zđ]\))$")]
    private static partial System.Text.RegularExpressions.Regex BareLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\dIVXTl.]{1,5}\s*\|?\s+(?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    private static WParagraph Para(string text, string? style = null, int? numId = null, int level = 0)
    {
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        if (numId is { } id) properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id }));
        return new WParagraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static WTable Table(Documents.Table table)
    {
        var result = new WTable(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
        result.Append(Row(["STT", table.Header]));
        // The STT has a cell of its own; the OCR'd row text repeats it ("1.1 | 11 Số lượng…", "T Nhóm…" for II).
        foreach (var row in table.Rows) result.Append(Row([row.Number, LeadingNumber().Replace(row.Text, "")]));
        return result;
    }

    private static WTable HeaderTable(string[] left, string[] right)
    {
        var row = new WTableRow(
            new TableCell(left.Select(l => Para(l)).ToArray()),
            new TableCell(right.Select(r => Para(r)).ToArray()));
        return new WTable(new TableProperties(), row);
    }

    private static WTableRow Row(IEnumerable<string> cells) =>
        new(cells.Select(c => new TableCell(Para(c))).ToArray());

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        for (var i = 1; i <= 3; i++)
            styles.Append(new Style(
                new StyleName { Val = "heading " + i },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = i - 1 }))
            { Type = StyleValues.Paragraph, StyleId = "Heading" + i });
        styles.Append(new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(
            new AbstractNum(
                Level(0, NumberFormatValues.UpperRoman, "%1."),
                Level(1, NumberFormatValues.Decimal, "%2."),
                Level(2, NumberFormatValues.LowerLetter, "%3)"))
            { AbstractNumberId = HeadingList },
            new AbstractNum(
                Level(0, NumberFormatValues.Bullet, "-"),
                Level(1, NumberFormatValues.Bullet, "+"))
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = HeadingList }) { NumberID = HeadingList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
}
