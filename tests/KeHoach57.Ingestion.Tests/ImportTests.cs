using System.Text;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests;

public class ImportTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("kh57-import-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Nhập_hai_lần_cho_tệp_giống_hệt_từng_byte()
    {
        var first = PlanImporter.ImportFolder(Seeds.RawFolder, Path.Combine(temp, "a"));
        var second = PlanImporter.ImportFolder(Seeds.RawFolder, Path.Combine(temp, "b"));

        Assert.Equal(5, first.Count);
        Assert.Equal(first.Select(Path.GetFileName), second.Select(Path.GetFileName));
        foreach (var (a, b) in first.Zip(second))
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Corpus_đã_commit_khớp_với_lần_nhập_mới()
    {
        foreach (var file in PlanImporter.ImportFolder(Seeds.RawFolder, temp))
            Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(Path.Combine(Seeds.CorpusFolder, Path.GetFileName(file)))),
                $"corpus/{Path.GetFileName(file)} is stale: run `import` and commit it");
    }

    [Fact]
    public void Tệp_nhập_là_UTF8_không_BOM_xuống_dòng_LF_dạng_NFC()
    {
        foreach (var file in PlanImporter.ImportFolder(Seeds.RawFolder, temp))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            var text = new UTF8Encoding(false, true).GetString(bytes);
            Assert.True(text.IsNormalized(NormalizationForm.FormC));
            Assert.EndsWith("\n", text);
        }
    }

    [Theory]
    [InlineData("yen-hoa", "iii", "II1. T6 chirc thye hién")]
    [InlineData("yen-hoa", "iii-1", "1. Phong Vin héa - X3 hoi")]
    [InlineData("yen-hoa", "ii-6", "6. Thuc dzfly manh mé")]
    [InlineData("truong-giang", "dieu-1", "Piéu 1.")]
    [InlineData("truong-giang", "dieu-3", "Piéu 3.")]
    [InlineData("truong-giang", "ke-hoach", "KE HOACH HANH PONG")]
    [InlineData("truong-giang", "iii-5-c", "¢) Bdo ddm an ninh mang va chu quyén so")]
    [InlineData("truong-giang", "iii-1-dd", "d)")]
    [InlineData("truong-giang", "iv-4", "4.")]
    [InlineData("truong-giang", "phu-luc-i", "PHU LUCI")]
    [InlineData("truong-giang", "phu-luc-ii", "PHU LUC II")]
    [InlineData("thai-nguyen", "ii", "ii. YEU CAU")]
    [InlineData("thai-nguyen", "iii-2-1", "2.1. Dn hIt näm 2025")]
    [InlineData("thai-nguyen", "iii-2-5-a", "a,) Phát triln hg tcng")]
    [InlineData("thai-nguyen", "iv-8-2", "8.2. Tang czthng an ninh mgng")]
    [InlineData("thai-nguyen", "v-8", "8. Kinh phi thirc hin và ngun liyc h trçr")]
    [InlineData("hung-yen", "iii-1-g", "2)")]
    [InlineData("hung-yen", "iii-1-l", "1)")]
    [InlineData("hung-yen", "v", "V.TO CHUC THUC HIEN")]
    [InlineData("hung-yen", "v-1-b", "b)")]
    [InlineData("bac-giang", "ii-8", "8. Bảo đảm an toàn, an ninh mạng")]
    [InlineData("bac-giang", "iv", "IV. TỔ CHỨC THỰC HIỆN")]
    [InlineData("bac-giang", "iv-7", "7.")]
    public void Khôi_phục_đề_mục_của_văn_bản(string id, string anchor, string heading)
    {
        var section = Seeds.Document(id).AllSections().SingleOrDefault(s => s.Anchor == anchor);
        Assert.NotNull(section);
        Assert.StartsWith(heading, section.Heading);
    }

    [Theory]
    [InlineData("yen-hoa", "i,ii,iii,iv")]
    [InlineData("truong-giang", "mo-dau,quyet-dinh,dieu-1,dieu-2,dieu-3,ke-hoach,i,ii,iii,iv,phu-luc-i,phu-luc-ii")]
    [InlineData("thai-nguyen", "mo-dau,ke-hoach,i,ii,iii,iv,v")]
    [InlineData("hung-yen", "mo-dau,ke-hoach,i,ii,iii,iv,v")]
    [InlineData("bac-giang", "ke-hoach,i,ii,iii,iv")]
    public void Các_phần_lớn_theo_đúng_thứ_tự(string id, string anchors) =>
        Assert.Equal(anchors.Split(','), Seeds.Document(id).Sections.Select(s => s.Anchor).Where(a => id != "yen-hoa" || a != "mo-dau"));

    [Fact]
    public void Đề_mục_con_nằm_dưới_đề_mục_cha()
    {
        var chunk = Seeds.Chunks("yen-hoa").First(c => c.Id == "yen-hoa/iii-1");
        Assert.StartsWith("II1. T6 chirc thye hién › 1. Phong Vin héa - X3 hoi", chunk.Section);

        var target = Seeds.Chunks("thai-nguyen").First(c => c.Id == "thai-nguyen/iii-2-1-a");
        Assert.Equal("III. MIJC TIEU › 2. Muc tiêu ciii th › 2.1. Dn hIt näm 2025 › a) Phát triln hq tdng", target.Section);
    }

    [Fact]
    public void Siêu_dữ_liệu_lấy_từ_manifest_đã_hiệu_đính()
    {
        var info = Seeds.Document("truong-giang").Info;
        Assert.Equal("536/QĐ-UBND", info.Number);
        Assert.Equal("2025-09-10", info.Date);
        Assert.Equal("xã", info.Level);
        Assert.Equal("Ủy ban nhân dân xã Trường Giang", info.Issuer);
        Assert.Equal("truong-giang.txt", info.Source);
        Assert.Equal("tỉnh", Seeds.Document("thai-nguyen").Info.Level);
    }

    [Fact]
    public void Văn_bản_không_có_trong_manifest_được_đoán_siêu_dữ_liệu()
    {
        var info = PlanImporter.Import(Seeds.Raw("hung-yen"), "pho-hien", "pho-hien.txt").Info;
        Assert.Equal("pho-hien", info.Id);
        Assert.Equal("44/KH-UBND", info.Number);
        Assert.Equal("2025-03-03", info.Date);
        Assert.Equal("tinh Hung Yen", info.Locality);
        Assert.Equal("Uy ban nhan dan tinh Hung Yen", info.Issuer);
        Assert.Equal("tỉnh", info.Level);
        Assert.StartsWith("Ke hoach thue hién Nghi quyét s6 03/NQ-CP", info.Title);
        Assert.Equal("pho-hien.txt", info.Source);

        var decision = PlanImporter.Import(Seeds.Raw("truong-giang"), "x", "x.txt").Info;
        Assert.Equal("536/QP-UBND", decision.Number);
        Assert.Equal("2025-09-10", decision.Date);
    }
}
