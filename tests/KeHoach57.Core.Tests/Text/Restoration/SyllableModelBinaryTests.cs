using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Tests.Text.Restoration;

/// <summary>The model a data folder keeps between runs (<see cref="SyllableModel.WriteBinary"/>): read back, it is the same model.</summary>
public class SyllableModelBinaryTests
{
    private static readonly VietnameseAnalyzer Analyzer = new();
    private static readonly SyllableModel Extended = SyllableModel.Default.With(["Phòng Văn hóa - Thông tin", "Trung tâm Phục vụ hành chính công"], Analyzer);

    private static byte[] Written(SyllableModel model, string key)
    {
        using var stream = new MemoryStream();
        model.WriteBinary(stream, key);
        return stream.ToArray();
    }

    [Fact]
    public void Mô_hình_ghi_rồi_đọc_lại_cho_cùng_xác_suất_và_cùng_cách_đọc()
    {
        var back = SyllableModel.ReadBinary(new MemoryStream(Written(Extended, "k")), "k");
        Assert.NotNull(back);
        Assert.Equal(Extended.Count, back.Count);
        Assert.Equal(Extended.BigramCount, back.BigramCount);
        Assert.Equal(Extended.TrigramCount, back.TrigramCount);
        foreach (var (a, b, c) in new[] { ("phòng", "văn", "hóa"), ("ủy", "ban", "nhân"), ("chuyển", "đổi", "số"), ("xa", "xã", "xả") })
        {
            var (x, y, z) = (Extended.Id(a), Extended.Id(b), Extended.Id(c));
            Assert.Equal((back.Id(a), back.Id(b), back.Id(c)), (x, y, z));
            // Bit for bit: the tables are read back in the order they were summed in.
            Assert.Equal(Extended.LogProbability(x, y), back.LogProbability(x, y));
            Assert.Equal(Extended.LogProbability(x, y, z), back.LogProbability(x, y, z));
            Assert.Equal(Extended.LogUnigram(z), back.LogUnigram(z));
        }
        var built = new SyllableRestorer(Extended, OcrChannel.Default, Analyzer);
        var read = new SyllableRestorer(back, OcrChannel.Default, Analyzer);
        foreach (var ocr in new[] { "Phong Van héa - Thong tin chii tri", "Uy ban nhan dan x3 x4y dung ké hoach", "Nghj quyt s 57-NQ/TW cüa B ChInh trj" })
            Assert.Equal(built.Analyze(ocr), read.Analyze(ocr));
    }

    [Fact]
    public void Tệp_của_khóa_khác_hay_bị_cắt_cụt_thì_không_được_dùng()
    {
        var bytes = Written(Extended, "k");
        Assert.Null(SyllableModel.ReadBinary(new MemoryStream(bytes), "khác"));
        Assert.Null(SyllableModel.ReadBinary(new MemoryStream(bytes[..(bytes.Length / 2)]), "k"));
        Assert.Null(SyllableModel.ReadBinary(new MemoryStream("{\"không\": \"phải\"}"u8.ToArray()), "k"));
    }

    [Fact]
    public void Số_đếm_hỏng_thì_tệp_bị_từ_chối_chứ_không_cấp_bộ_nhớ_khổng_lồ()
    {
        // A model file of no syllables whose first table claims two billion entries.
        var bytes = Written(Extended, "k");
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var header = new BinaryReader(new MemoryStream(bytes));
            w.Write(header.ReadString());
            w.Write(header.ReadInt32());
            w.Write(header.ReadString());
            w.Write(header.ReadInt32());
            w.Write(0);
            w.Write(int.MaxValue);
        }
        stream.Position = 0;
        Assert.Null(SyllableModel.ReadBinary(stream, "k"));
    }
}
