using System.Text.RegularExpressions;
using KeHoach57.Core.Answers;
using KeHoach57.Tests.Shared;
using Spectre.Console;

namespace KeHoach57.Cli.Tests;

/// <summary>The terminal's rendering of the shared answer record (<see cref="SampleAnswers"/>).</summary>
public sealed partial class AnswerPrinterTests
{
    /// <summary>What a person sees on an 80-column terminal (Spectre's width for an output that is not a console).</summary>
    private static string Render(AnswerRecord answer, bool plain, bool noColor = false)
    {
        var output = new StringWriter();
        new AnswerPrinter(Terminal.Create(plain, output, noColor, AnsiSupport.Yes)).Print(answer);
        return output.ToString();
    }

    private static string[] Lines(string text) => text.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static string WithoutEscapes(string text) => Escape().Replace(text, "");

    [Fact]
    public void Câu_trả_lời_đứng_đầu_rồi_mỗi_nguồn_một_dòng_không_quá_8_dòng()
    {
        var lines = Lines(WithoutEscapes(Render(SampleAnswers.Answered(), plain: false)));

        Assert.InRange(lines.Length, 4, 8);
        Assert.StartsWith(SampleAnswers.Value, lines[0]);
        var sources = lines.Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(3, sources.Count);
        for (var i = 0; i < 3; i++) Assert.StartsWith($"[{i + 1}] {SampleAnswers.Labels[i]}  “", sources[i]);
        Assert.All(sources, s => Assert.InRange(s.Length, 20, 80));
    }

    [Fact]
    public void Dòng_trả_lời_chỉ_xuất_hiện_một_lần_và_không_có_dấu_Markdown()
    {
        // The 97-character line wraps on 80 columns: compare the text as one run of words.
        var text = Regex.Replace(WithoutEscapes(Render(SampleAnswers.Answered(), plain: false)), @"\s+", " ");

        Assert.Single(Regex.Matches(text, Regex.Escape(SampleAnswers.Line)));
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("[bold", text);
    }

    [Fact]
    public void Trích_dẫn_đã_thêm_dấu_được_ghi_rõ_là_bản_đọc_lại()
    {
        var lines = Lines(Render(SampleAnswers.Answered(), plain: true));

        Assert.Contains(SourceText.RestoredNote, lines[1]);
        Assert.Contains("Văn phòng HĐND", lines[1]);
        Assert.DoesNotContain(SourceText.RestoredNote, lines[2]);
    }

    [Fact]
    public void Trên_terminal_câu_trả_lời_được_in_đậm_bằng_mã_ANSI()
    {
        var text = Render(SampleAnswers.Answered(), plain: false);

        Assert.Matches(@"\u001b\[[0-9;]*1[;m]", text);
        Assert.Contains("\u001b[", text);
    }

    [Fact]
    public void Với_plain_không_có_mã_điều_khiển_nào()
    {
        var text = Render(SampleAnswers.Answered(), plain: true);

        Assert.DoesNotContain('\u001b', text);
        Assert.Equal(4, Lines(text).Length);
        Assert.Equal(SampleAnswers.Line, Lines(text)[0]);
    }

    [Fact]
    public void Với_NO_COLOR_vẫn_nhấn_mạnh_nhưng_không_tô_màu()
    {
        var text = Render(SampleAnswers.Answered(), plain: false, noColor: true);

        Assert.Contains("\u001b[", text);
        foreach (Match sgr in Escape().Matches(text))
        {
            var codes = sgr.Value[2..^1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
            Assert.DoesNotContain(codes, c => c is >= 30 and <= 49 or >= 90 and <= 107);
        }
    }

    [Fact]
    public void Lời_từ_chối_in_khác_màu_và_kèm_các_đoạn_gần_nhất()
    {
        var refusal = SampleAnswers.Answered() with { Answered = false, Line = "Không tìm thấy đoạn nào nêu rõ hạn này. Dưới đây là những đoạn gần nhất.", Value = null };

        var lines = Lines(Render(refusal, plain: true));

        Assert.Equal(refusal.Line, lines[0]);
        Assert.Equal(3, lines.Count(l => l.StartsWith('[')));
    }

    [Fact]
    public void Lỗi_đầu_vào_chỉ_là_một_dòng()
    {
        var lines = Lines(Render(AnswerRecord.Failure("Câu hỏi đang trống."), plain: true));

        Assert.Equal(["Câu hỏi đang trống."], lines);
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Escape();
}
