using System.IO.Compression;
using System.Text;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>Hostile and broken files, made in the test.</summary>
public static class BadFiles
{
    /// <summary>
    /// A one-page PDF whose trailer names a Standard security handler (RC4, revision 2) with an owner and a
    /// user password check that the empty password does not pass: what "open with password" gives.
    /// </summary>
    public static byte[] PasswordProtectedPdf()
    {
        var hex = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37 + 11) % 256).ToString("X2")));
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{hex}> /U <{hex}> /P -44 >>",
            "<< /Length 18 >>\nstream\n0123456789abcdefgh\nendstream",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) sb.Append($"{offset:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{hex[..32]}> <{hex[..32]}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }

    /// <summary>A one-page PDF whose content stream is <paramref name="unpackedBytes"/> of zeros, deflated to a few hundred kilobytes.</summary>
    public static byte[] PdfBomb(long unpackedBytes)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < unpackedBytes; written += zeros.Length) zlib.Write(zeros);
        }
        var head = Encoding.Latin1.GetBytes(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n" +
            $"4 0 obj\n<< /Length {packed.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. packed.ToArray(), .. tail];
    }

    /// <summary>A "document.docx" that is a ZIP whose Word part inflates to <paramref name="unpackedBytes"/> of zeros.</summary>
    public static byte[] ZipBomb(long unpackedBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < unpackedBytes; written += zeros.Length) entry.Write(zeros);
        }
        return buffer.ToArray();
    }

    /// <summary>A ZIP with a Word part and thousands of tiny entries.</summary>
    public static byte[] ZipWithEntries(int count)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("word/document.xml");
            for (var i = 0; i < count; i++) zip.CreateEntry($"word/media/{i}.bin");
        }
        return buffer.ToArray();
    }

    /// <summary>A ZIP that is not a Word document (a spreadsheet's parts).</summary>
    public static byte[] NotWordZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<workbook/>");
        }
        return buffer.ToArray();
    }
}
