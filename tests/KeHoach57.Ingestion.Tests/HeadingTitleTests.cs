using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests;

/// <summary>
/// A numbered line is a section title unless it ends a sentence or a clause: the stop it ends with decides, and the
/// marks a scanner leaves after that stop (a quote, a stray comma, with or without a space) do not count.
/// </summary>
public class HeadingTitleTests
{
    private static PlanSection Section(string line)
    {
        var plan = PlanImporter.Import(string.Join('\n', "I. TỔ CHỨC THỰC HIỆN", "", line, "", "- Theo chức năng, nhiệm vụ, chủ động phối hợp.") + "\n", "x", "x.txt");
        return plan.AllSections().Single(s => s.Anchor == "i-1");
    }

    [Theory]
    [InlineData("1. Phòng Văn hóa - Xã hội :")]
    [InlineData("1. Phòng Văn hóa - Xã hội : , ‘")]     // the text export: debris after the colon, spaced
    [InlineData("1. Phòng Văn hóa - Xã hội :, ‘")]      // its scan read with vie+eng: the comma run into the colon
    [InlineData("1. Phòng Văn hóa - Xã hội :, ˆ")]      // … and with vie: the quote read as a modifier letter
    [InlineData("1. Các phòng, ban, ngành (cấp xã)")]
    public void Dòng_đánh_số_kết_thúc_bằng_dấu_hai_chấm_hay_không_dấu_là_đề_mục(string line)
    {
        var section = Section(line);

        Assert.StartsWith(line.TrimEnd(' ', ':', ',', '‘', 'ˆ'), section.Heading);
        Assert.All(section.Blocks, b => Assert.IsType<ListItem>(b));
    }

    [Theory]
    [InlineData("1. Đến năm 2030, hoàn thành chuyển đổi số toàn diện.")]
    [InlineData("1. Chi ngân sách cho khoa học đạt 3% (năm 2025).")]     // the bracket before the stop is the text's own
    [InlineData("1. Đến năm 2045,")]
    [InlineData("1. Đến năm 2045, ‘")]                                  // a comma, then debris: still a comma
    [InlineData("1. Đến năm 2045 , .")]
    public void Dòng_đánh_số_kết_thúc_bằng_dấu_chấm_hay_dấu_phẩy_là_đoạn_văn_dưới_số_mục(string line)
    {
        var section = Section(line);

        Assert.Equal("1.", section.Heading);
        Assert.IsType<Paragraph>(section.Blocks[0]);
        Assert.StartsWith(line[3..].TrimEnd(' ', ',', '.', '‘'), ((Paragraph)section.Blocks[0]).Text);
    }
}
