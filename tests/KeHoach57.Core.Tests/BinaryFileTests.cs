using KeHoach57.Core;

namespace KeHoach57.Core.Tests;

/// <summary>The project's binary files: read back past their header, or not at all when they are of another kind, layout or cut short.</summary>
public class BinaryFileTests
{
    [Fact]
    public void Tệp_ghi_ra_đọc_lại_được_sau_phần_đầu()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
        try
        {
            BinaryFile.Write(path, "KH57TEST", 2, w => w.Write("nội dung"));
            using var reader = BinaryFile.Open(path, "KH57TEST", 2);
            Assert.NotNull(reader);
            Assert.Equal("nội dung", reader.ReadString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Tệp_khác_loại_khác_phiên_bản_hoặc_không_có_thì_coi_như_không_có()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
        try
        {
            Assert.Null(BinaryFile.Open(path, "KH57TEST", 2));
            BinaryFile.Write(path, "KH57TEST", 2, w => w.Write(1));
            Assert.Null(BinaryFile.Open(path, "KH57KHAC", 2));
            Assert.Null(BinaryFile.Open(path, "KH57TEST", 3));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Phần_đầu_bị_cụt_là_tệp_hỏng_như_chỗ_cụt_ở_bất_kỳ_đâu_và_không_giữ_tệp_mở()
    {
        // Callers take a read past the end as damage (and log it where they log damage), wherever it falls.
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bin");
        try
        {
            File.WriteAllBytes(path, [8, (byte)'K', (byte)'H']);
            Assert.Throws<EndOfStreamException>(() => BinaryFile.Open(path, "KH57TEST", 2));
            // The file was let go: it can be replaced at once.
            BinaryFile.Write(path, "KH57TEST", 2, w => w.Write(1));
            using var reader = BinaryFile.Open(path, "KH57TEST", 2);
            Assert.Equal(1, reader!.ReadInt32());
        }
        finally { File.Delete(path); }
    }
}
