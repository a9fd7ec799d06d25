using System.Text;
using System.Text.RegularExpressions;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Markdown;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Rebuilds the document's own hierarchy from cleaned lines: sections under their headings, paragraphs
/// re-joined from their wrapped lines, list items, and appendix tables.
/// </summary>
public sealed partial class StructureParser
{
    /// <summary>Longest numbered or lettered item still read as a title ("1. Mục tiêu chung") rather than as a paragraph.</summary>
    private const int MaxTitleLength = 320;

    private readonly List<PlanSection> roots = [];
    private readonly List<(PlanSection Section, int Rank, bool Lettered)> open = [];
    private readonly HashSet<string> anchors = [];
    private readonly Numbering numbering = new();

    // The block being gathered: a paragraph, a list item, or the text after a heading label.
    private readonly StringBuilder text = new();
    private char? marker;
    private PendingHeading? pending;
    private string lastLine = "";

    private sealed record PendingHeading(HeadingCandidate Candidate, string Key);

    public static List<PlanSection> Parse(IReadOnlyList<SourceLine> lines)
    {
        var parser = new StructureParser();
        parser.Run(lines);
        return parser.roots;
    }

    private void Run(IReadOnlyList<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Headings.Recognize(line.Text) is { } candidate && numbering.Accept(candidate) is { } key)
            {
                Close();
                if (candidate.Kind is HeadingKind.Article or HeadingKind.Numbered or HeadingKind.Lettered)
                {
                    pending = new PendingHeading(candidate, key);
                    text.Append(candidate.Rest);
                }
                else
                {
                    var section = OpenSection(candidate.Kind == HeadingKind.Styled ? candidate.Rest : line.Text, candidate.Kind, key,
                        candidate.Label.Length);
                    if (candidate.Kind == HeadingKind.Appendix) i = ParseAppendix(lines, i + 1, section);
                }
            }
            else if (Bullet().Match(line.Text) is { Success: true } bullet)
            {
                Close();
                marker = bullet.Groups[1].Value[0] == '+' ? '+' : '-';
                text.Append(bullet.Groups[2].Value);
            }
            else if (text.Length > 0 || pending is not null)
            {
                if (Continues(line)) text.Append(text.Length > 0 ? " " : "").Append(line.Text);
                else
                {
                    Close();
                    text.Append(line.Text);
                }
            }
            else text.Append(line.Text);
            lastLine = line.Text;
        }
        Close();
    }

    /// <summary>Returns the index of the region's last line; parses it as text when it holds no table.</summary>
    private int ParseAppendix(IReadOnlyList<SourceLine> lines, int from, PlanSection section)
    {
        var to = from;
        while (to < lines.Count && !Headings.IsAppendix(lines[to].Text)) to++;
        if (AppendixTable.Parse(lines.Skip(from).Take(to - from).ToList()) is not { } blocks) return from - 1;
        section.Blocks.AddRange(blocks);
        return to - 1;
    }

    /// <summary>
    /// Whether a line continues the current block. A blank line ends a paragraph unless the next line goes on
    /// in lower case (a page break mid-sentence); without one, a finished sentence followed by a capital does.
    /// </summary>
    private bool Continues(SourceLine line)
    {
        if (line.Before == Gap.Hard) return false;
        if (pending is not null && text.Length == 0) return true;
        var first = line.Text[0];
        // A list item is marked where it starts; it runs, sentence after sentence, to the next mark, blank line or page.
        if (marker is not null && line.Before == Gap.None) return true;
        var finished = EndsWithAny(lastLine.TrimEnd(' ', '"', '\'', ')', '”', '’'), ".:;!?");
        if (line.Before == Gap.Blank) return char.IsLower(first) || (char.IsDigit(first) && !finished);
        return !(finished && char.IsUpper(first));
    }

    private void Close()
    {
        var body = text.ToString().Trim();
        text.Clear();
        if (pending is { } heading)
        {
            pending = null;
            var label = heading.Candidate.Label;
            var titleLike = body.Length <= MaxTitleLength && EndingMark(body) is not ('.' or ';' or ',');
            var section = OpenSection(titleLike && body.Length > 0 ? label + " " + body : label, heading.Candidate.Kind, heading.Key);
            if (!titleLike) section.Blocks.Add(new Paragraph(body));
        }
        else if (body.Length > 0) Current().Blocks.Add(marker is { } m ? new ListItem(m, body) : new Paragraph(body));
        marker = null;
    }

    /// <summary>
    /// The stop a text ends with: the first of ". , ; : ! ?" in the run of marks and spaces that closes it, '\0' when that
    /// run has none. Brackets and quotes before the stop belong to the text ("… (năm 2025)." ends in '.'); what follows it
    /// is scanner debris, whether the OCR leaves a space before it or not: "Phòng Văn hóa - Xã hội : , ‘" and its scan
    /// "… :, ‘" both end in ':', while "đến năm 2045," ends in ','.
    /// </summary>
    private static char EndingMark(string text)
    {
        var start = text.Length;
        while (start > 0 && !char.IsLetterOrDigit(text[start - 1])) start--;
        foreach (var ch in text.AsSpan(start))
            if (".,;:!?".Contains(ch)) return ch;
        return '\0';
    }

    private static bool EndsWithAny(string s, string characters) => s.Length > 0 && characters.Contains(s[^1]);

    private PlanSection Current() => open.Count > 0 ? open[^1].Section : OpenSection(PlanSection.OpeningHeading, HeadingKind.DocumentKind, "mo-dau");

    /// <param name="styleLevel">For a heading by style: its level (1 for Heading 1), ranked like I. (1), 1. (2), a) (3).</param>
    private PlanSection OpenSection(string heading, HeadingKind kind, string key, int styleLevel = 0)
    {
        var lettered = kind == HeadingKind.Lettered;
        var rank = kind switch
        {
            HeadingKind.Styled => styleLevel + 1,
            HeadingKind.Numbered => 2 + key.Count(c => c == '.') + 1,
            HeadingKind.Lettered => (open.LastOrDefault(o => !o.Lettered).Rank is var r && r > 0 ? r : 2) + 1,
            _ => 2,
        };
        while (open.Count > 0 && open[^1].Rank >= rank) open.RemoveAt(open.Count - 1);

        var section = new PlanSection(heading, UniqueAnchor(Anchor(kind, key, heading)), Math.Min(rank, 6));
        (open.Count > 0 ? open[^1].Section.Children : roots).Add(section);
        open.Add((section, rank, lettered));
        return section;
    }

    private string Anchor(HeadingKind kind, string key, string heading)
    {
        var topSection = open.LastOrDefault(o => o.Rank <= 2).Section is { } top ? top.Anchor + "-" : "";
        return kind switch
        {
            HeadingKind.DocumentKind => key.Length > 0 ? key : Headings.DocumentKindKey(heading),
            HeadingKind.Appendix => Headings.AppendixKey(heading) is { Length: > 0 } n ? "phu-luc-" + n : "phu-luc",
            HeadingKind.Article => "dieu-" + key,
            HeadingKind.Roman => key,
            HeadingKind.Styled => (open.Count > 0 ? open[^1].Section.Anchor + "-" : "") + (MarkdownText.Slug(heading, 4) is { Length: > 0 } slug ? slug : "muc"),
            HeadingKind.Numbered => topSection + key.Replace('.', '-'),
            _ => (open.Count > 0 ? open[^1].Section.Anchor + "-" : "") + (key == "đ" ? "dd" : key),
        };
    }

    private string UniqueAnchor(string anchor)
    {
        var unique = anchor;
        for (var n = 2; !anchors.Add(unique); n++) unique = $"{anchor}-{n}";
        return unique;
    }

    /// <summary>"- ", "+ ", "• " items; OCR sometimes puts a stray quote before the marker (a scan reads the speck as "“") or drops the space after it.</summary>
    [GeneratedRegex(@"^[‘'`""]?\s*([-+•–])\s*(\p{L}.*|\d.*|\(.*|"".*)$")]
    private static partial Regex Bullet();
}
