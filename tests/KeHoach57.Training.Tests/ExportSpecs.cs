using KeHoach57.Answering.Composition;
using KeHoach57.Training.Exports;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Tests;

public class ExportSpecs(TrainingFixture fixture)
{
    [Fact]
    public void Bản_GIFT_đọc_lại_được_đủ_câu_hỏi_phương_án_và_đáp_án()
    {
        var items = fixture.Items;
        var gift = GiftWriter.Write(items, fixture.Get<SourceLabels>().Plan);
        var read = GiftReader.Read(gift);
        Assert.Equal(items.Count, read.Count);
        foreach (var (item, q) in items.Zip(read))
        {
            Assert.Equal(item.Id, q.Title);
            Assert.Equal(item.Stem, q.Text);
            Assert.Equal(item.Options, q.Answers.Select(a => a.Text));
            Assert.Equal(item.CorrectIndex, q.Answers.ToList().FindIndex(a => a.Right));
            Assert.Single(q.Answers, a => a.Right);
            Assert.Equal(GiftWriter.Feedback(item), q.GeneralFeedback);
            Assert.StartsWith("$course$/Kế hoạch 57/", q.Category);
        }
    }

    [Fact]
    public void Bộ_đọc_GIFT_hiểu_các_ký_tự_thoát_và_phản_hồi_theo_đặc_tả()
    {
        const string gift = """
            // chú thích
            $CATEGORY: $course$/Thử

            ::Q1:: Tỷ lệ 90\% hay 1\:2 \{x\}? {
              =Đúng \= bằng #Phản hồi riêng
              ~Sai \~ gần
              ####Xem mục III.1
            }

            Câu không tiêu đề {=Một ~Hai}
            """;
        var read = GiftReader.Read(gift);
        Assert.Equal(2, read.Count);
        Assert.Equal("Q1", read[0].Title);
        Assert.Equal("Tỷ lệ 90\\% hay 1:2 {x}?", read[0].Text);
        Assert.Equal(new[] { "Đúng = bằng", "Sai ~ gần" }, read[0].Answers.Select(a => a.Text));
        Assert.Equal("Phản hồi riêng", read[0].Answers[0].Feedback);
        Assert.Equal("Xem mục III.1", read[0].GeneralFeedback);
        Assert.Equal("$course$/Thử", read[1].Category);
        Assert.Null(read[1].Title);
        Assert.True(read[1].Answers[0].Right);
    }

    [Theory]
    [InlineData("::Q:: Không có đáp án", "khối đáp án")]
    [InlineData("::Q:: Câu {=Đúng ~Sai", "không được đóng")]
    [InlineData("::Q Câu {=Đúng}", "tiêu đề")]
    [InlineData("Câu { chữ =Đúng}", "trước đáp án")]
    public void GIFT_hỏng_được_báo_rõ_dòng_và_lý_do(string gift, string reason)
    {
        var error = Assert.Throws<FormatException>(() => GiftReader.Read(gift));
        Assert.Contains("dòng 1", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Bản_CSV_có_một_dòng_mỗi_câu_và_giữ_dấu_ngoặc_kép()
    {
        var items = fixture.Items.Take(5).ToList();
        var csv = QuizCsv.Write(items);
        Assert.StartsWith("\uFEFFid,ke_hoach,", csv);
        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal(items.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("\"", l));
        Assert.Contains(",\"" + QuizItem.Letter(items[0].CorrectIndex) + "\",", lines[1]);
    }

    [Fact]
    public void Bản_in_có_câu_hỏi_rồi_đáp_án_ở_trang_riêng_kèm_nguồn()
    {
        var items = fixture.Get<QuizBank>().Select(new QuizFilter("yen-hoa"), 6);
        var html = QuizSheet.Render(items, "Thử <in>");
        Assert.Contains("Thử &lt;in&gt;", html);
        Assert.Contains("break-before: page", html);
        var key = html[html.IndexOf("<h2>Đáp án</h2>", StringComparison.Ordinal)..];
        foreach (var item in items)
            Assert.Contains(PrintPage.E(item.Citation.Label), key);
    }
}
