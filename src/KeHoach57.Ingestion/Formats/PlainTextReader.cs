using System.Text;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Formats.Encodings;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Plain text in the encodings Vietnamese offices still produce: UTF-8 (with or without BOM), UTF-16
/// (BOM, or told by its zero bytes), Windows-1258 (tone marks as separate combining characters, made
/// NFC), and the TCVN3 and VNI font encodings. Without a BOM the encoding is the reading that gives the
/// most Vietnamese syllables.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static PlainTextReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Name => "text";

    /// <summary>Text has a BOM, the zero-byte pattern of UTF-16, or (almost) no control bytes.</summary>
    public bool CanRead(SourceFile file)
    {
        if (Bom(file.Bytes) is not null || Utf16WithoutBom(file.Bytes) is not null) return true;
        var sample = file.Bytes.AsSpan(0, Math.Min(file.Bytes.Length, 64 * 1024));
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C) control++;
        return sample.Length > 0 && control <= sample.Length / 200;
    }

    public Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var (text, encoding) = Decode(file.Bytes);
        var notes = new List<string> { $"bảng mã: {encoding}" };
        return Task.FromResult<ReadOutcome>(new ExtractedText(text, "văn bản thuần (" + encoding + ")", null, notes));
    }

    /// <summary>The text of <paramref name="bytes"/> in NFC, and the name of the encoding it was read in.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (Bom(bytes) is { } bom)
        {
            var bomText = bom.GetString(bytes, bom.Preamble.Length, bytes.Length - bom.Preamble.Length);
            return (bomText.Normalize(NormalizationForm.FormC), bom.WebName.ToUpperInvariant() + " (BOM)");
        }
        if (Utf16WithoutBom(bytes) is { } utf16) return (utf16.GetString(bytes).Normalize(NormalizationForm.FormC), utf16.WebName.ToUpperInvariant());

        string? utf8 = null;
        try { utf8 = StrictUtf8.GetString(bytes); } catch (DecoderFallbackException) { }
        if (utf8 is not null)
        {
            // Valid UTF-8 may still carry TCVN3/VNI letters typed into a Unicode file ("KÕ ho¹ch").
            var (repaired, legacy) = LegacyVietnamese.Repair(utf8.Normalize(NormalizationForm.FormC));
            return (repaired, legacy is null ? "UTF-8" : "UTF-8, chữ " + legacy);
        }

        // A single-byte encoding: the reading with the most Vietnamese syllables wins.
        var latin1 = LegacyVietnamese.Cp1252.GetString(bytes);
        var candidates = new (string Name, string Text)[]
        {
            ("Windows-1258", Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC)),
            (LegacyVietnamese.Tcvn3, LegacyVietnamese.FromTcvn3(latin1)),
            (LegacyVietnamese.Vni, LegacyVietnamese.FromVni(latin1)),
        };
        var best = candidates.MaxBy(c => VietnameseSyllables.Share(c.Text) ?? 0);
        return (best.Text, best.Name);
    }

    private static Encoding? Bom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => null,
    };

    /// <summary>UTF-16 without a BOM: most ASCII characters leave a zero byte on one side.</summary>
    private static Encoding? Utf16WithoutBom(byte[] bytes)
    {
        var pairs = Math.Min(bytes.Length, 8192) / 2;
        if (pairs < 8) return null;
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return new UnicodeEncoding(false, false);
        if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return new UnicodeEncoding(true, false);
        return null;
    }
}
