using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A Word document (.docx), read with the Open XML SDK after <see cref="ZipPackage"/> has bounded what it
/// unpacks to. Each paragraph becomes one line with a blank line after it, so paragraph breaks are the
/// author's; automatic numbering is written out ("1.", "a)", "III.", "-") as the text exports have it,
/// so the import recognises the headings; a paragraph in a heading style or with an outline level that
/// has no number is marked as a heading ("## Mục tiêu chung", see <see cref="Import.Headings.StyleMark"/>). A table whose rows are numbered (STT) becomes "STT | cell | cell" lines, the
/// appendix rows the import reads; a layout table (the issuer / motto header) is read cell by cell.
/// </summary>
public sealed class DocxReader(IOptions<ImportOptions> options) : IDocumentReader
{
    private const string MainPart = "word/document.xml";

    public string Name => "docx";

    public bool CanRead(SourceFile file) => ZipPackage.Is(file);

    public Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (entries, problem) = ZipPackage.Inspect(file, settings.MaxPackageEntries, settings.MaxUnpackedBytes);
        if (problem is not null) return Task.FromResult<ReadOutcome>(problem);
        if (!entries!.Contains(MainPart))
            return Task.FromResult<ReadOutcome>(new Unreadable(ImportProblem.UnknownType,
                $"Tệp \"{file.Name}\" là tệp nén nhưng không phải văn bản Word (.docx): không có {MainPart}."));
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(file.Bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = settings.MaxUnpackedBytes });
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
                return Task.FromResult<ReadOutcome>(new Unreadable(ImportProblem.Damaged, $"Tệp Word \"{file.Name}\" không có phần nội dung."));
            var writer = new Writer(new DocxNumbering(main), main.StyleDefinitionsPart?.Styles);
            writer.Blocks(body.ChildElements, cancellationToken);
            var notes = new List<string> { $"{writer.Headings} đề mục theo kiểu đề mục (Heading) hoặc cấp dàn ý" };
            if (writer.Tables > 0) notes.Add($"{writer.Tables} bảng có cột STT, đọc thành dòng phụ lục");
            return Task.FromResult<ReadOutcome>(new ExtractedText(writer.Text, "Word (.docx)", null, notes));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            return Task.FromResult<ReadOutcome>(new Unreadable(ImportProblem.Damaged, $"Tệp Word \"{file.Name}\" bị hỏng: {e.Message}"));
        }
    }

    private sealed class Writer(DocxNumbering numbering, Styles? styles)
    {
        private readonly StringBuilder text = new();

        public int Headings { get; private set; }
        public int Tables { get; private set; }
        public string Text => text.ToString();

        public void Blocks(IEnumerable<OpenXmlElement> elements, CancellationToken cancellationToken)
        {
            foreach (var element in elements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph:
                        Paragraph(paragraph);
                        break;
                    case Table table:
                        Table(table, cancellationToken);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content.ChildElements, cancellationToken);
                        break;
                }
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            var body = ParagraphText(paragraph).Trim();
            var label = numbering.Label(paragraph, styles);
            if (body.Length == 0) return;
            var line = (label is null ? "" : label + " ") + body;
            if (OutlineLevel(paragraph) is { } level)
            {
                Headings++;
                // Numbered headings ("II.", "2.", "a)") the import knows by their number; others only by this mark.
                if (Import.Headings.Recognize(line) is null && !line.Contains('\n'))
                    line = new string(Import.Headings.StyleMark, Math.Min(level + 1, 6)) + " " + line;
            }
            text.Append(line).Append("\n\n");
        }

        /// <summary>A numbered table is data (its rows become "STT | …" lines); any other is layout, read cell by cell.</summary>
        private void Table(Table table, CancellationToken cancellationToken)
        {
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
            var numbered = rows.Count(r => r.Count > 1 && IsRowNumber(r[0]));
            if (rows.Count >= 2 && numbered * 2 >= rows.Count - 1)
            {
                Tables++;
                foreach (var cells in rows)
                {
                    var filled = cells.Where(c => c.Length > 0).ToList();
                    if (filled.Count > 0) text.Append(string.Join(" | ", filled)).Append('\n');
                }
                text.Append('\n');
                return;
            }
            foreach (var cell in table.Descendants<TableCell>())
                Blocks(cell.Elements<Paragraph>(), cancellationToken);
        }

        private string CellText(TableCell cell) =>
            string.Join(" ", cell.Descendants<Paragraph>()
                .Select(p => ((numbering.Label(p, styles) is { } label ? label + " " : "") + ParagraphText(p)).Trim())
                .Where(t => t.Length > 0)).Replace('\n', ' ');

        /// <summary>0 for a Heading 1 (or outline level 1), 1 for Heading 2…; null for body text.</summary>
        private int? OutlineLevel(Paragraph paragraph)
        {
            if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own and < 9) return own;
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            for (var depth = 0; styleId is not null && depth < 10; depth++)
            {
                var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                if (style is null) return null;
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level and < 9) return level;
                if (style.StyleName?.Val?.Value is { } name && name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(name["heading ".Length..], out var number) && number is >= 1 and <= 9) return number - 1;
                styleId = style.BasedOn?.Val?.Value;
            }
            return null;
        }

        private static bool IsRowNumber(string cell) =>
            cell.Length is > 0 and <= 6 && (cell.TrimEnd('.').All(c => char.IsDigit(c) || c == '.') || cell.TrimEnd('.').All(c => c is 'I' or 'V' or 'X'));

        /// <summary>The paragraph's visible text: runs, tabs as spaces, line breaks as new lines; deleted text and fallback copies left out.</summary>
        private static string ParagraphText(Paragraph paragraph)
        {
            var sb = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                if (element.Ancestors<AlternateContentFallback>().Any()) continue;
                switch (element)
                {
                    case Text t: sb.Append(t.Text); break;
                    case TabChar: sb.Append(' '); break;
                    case Break or CarriageReturn: sb.Append('\n'); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                }
            }
            return sb.ToString();
        }
    }
}
