using System.Text;
using KeHoach57.Ingestion.Formats;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>Tesseract's hOCR of a page (boxes in pixels at 300 dpi, line pitch 58) put back into the page's lines.</summary>
public class TesseractLayoutTests
{
    /// <summary>An hOCR page: each line is (top, left, words), each word its characters with their left edges.</summary>
    private static string Hocr(params (int Top, int Left, (string Text, int[] Lefts)[] Words)[] lines)
    {
        var sb = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><body><div class='ocr_page' title='bbox 0 0 2480 3509'>
            """);
        var block = 0;
        foreach (var (top, left, words) in lines)
        {
            // Each line in a block of its own, as tesseract puts the columns of a header or the cells of a table row.
            sb.Append($"<div class='ocr_carea'><p class='ocr_par'><span class='ocr_line' id='line_{++block}' title='bbox {left} {top} {left + 1500} {top + 45}'>");
            foreach (var (text, lefts) in words)
            {
                sb.Append($"<span class='ocrx_word' title='bbox {lefts[0]} {top} {lefts[^1] + 22} {top + 33}'>");
                for (var i = 0; i < text.Length; i++)
                    sb.Append($"<span class='ocrx_cinfo' title='x_bboxes {lefts[i]} {top} {lefts[i] + 22} {top + 33}; x_conf 99'>{System.Security.SecurityElement.Escape(text[i].ToString())}</span>");
                sb.Append("</span>");
            }
            sb.Append("</span></p></div>");
        }
        return sb.Append("</div></body></html>").ToString();
    }

    /// <summary>A word whose letters stand 3 pixels apart (one word on the page).</summary>
    private static (string, int[]) Word(string text, int left) => (text, Enumerable.Range(0, text.Length).Select(i => left + 25 * i).ToArray());

    [Fact]
    public void Hai_cột_cùng_độ_cao_là_một_dòng_và_dòng_trống_chỉ_ở_chỗ_trang_để_trống()
    {
        var lines = TesseractLayout.Lines(Hocr(
            (100, 1300, [Word("CONG", 1300), Word("HOA", 1450)]),
            (102, 235, [Word("UY", 235), Word("BAN", 320)]),
            (158, 235, [Word("XA", 235)]),
            // An empty line in the source: two pitches on.
            (274, 235, [Word("KE", 235), Word("HOACH", 320)]),
            (332, 235, [Word("Thuc", 235)])));

        Assert.Equal(["UY BAN CONG HOA", "XA", "", "KE HOACH", "Thuc"], lines);
    }

    [Fact]
    public void Chữ_cách_nhau_một_khoảng_trắng_được_tách_dù_tesseract_gộp_thành_một_từ()
    {
        // "6 s 2 eR: A" read as the one word "6s2eR:A": its characters are 19 pixels apart where the page has a space.
        var merged = ("6s2eR:A", new[] { 236, 277, 318, 360, 385, 410, 450 });

        // "1." whose dot tesseract boxed off to the right: a dot is never split from what it ends.
        var numbered = ("1.", new[] { 236, 280 });

        var lines = TesseractLayout.Lines(Hocr((100, 236, [merged, Word("GRDP", 500)]), (158, 236, [numbered, Word("Tren", 330)])));

        Assert.Equal(["6 s 2 eR: A GRDP", "1. Tren"], lines);
    }

    [Fact]
    public void Kết_quả_không_phải_hOCR_báo_lỗi_rõ_ràng() =>
        Assert.ThrowsAny<System.Xml.XmlException>(() => TesseractLayout.Lines("level\tpage_num\n5\t1"));
}
