using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Batch;

/// <summary>
/// Runs a JSONL file of questions through the assistant, one output per non-blank input line, in order.
/// A bad line (not JSON, not UTF-8, no question, unknown scope) yields an error line and the run goes on.
/// </summary>
public sealed class BatchRunner(Assistant assistant)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async IAsyncEnumerable<BatchAnswer> RunAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lineNumber = 0;
        await foreach (var raw in ReadLinesAsync(input, cancellationToken))
        {
            lineNumber++;
            if (raw.Bytes.Length == 0 || raw.Bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r')) continue;
            var text = TryDecode(raw.Bytes);
            if (text is null)
            {
                yield return Error(null, null, $"Dòng {lineNumber}: không phải văn bản UTF-8 hợp lệ.");
                continue;
            }
            if (lineNumber == 1) text = text.TrimStart('\uFEFF');

            BatchQuestion? item = null;
            string? parseError = null;
            try { item = JsonSerializer.Deserialize<BatchQuestion>(text); }
            catch (JsonException ex) { parseError = $"Dòng {lineNumber}: JSON không hợp lệ ({ex.Message.Split('.')[0]})."; }
            if (item is null)
            {
                yield return Error(null, null, parseError ?? $"Dòng {lineNumber}: JSON không hợp lệ.");
                continue;
            }
            var answer = await assistant.AskAsync(new AskRequest(item.Question ?? "", item.Scope), cancellationToken);
            yield return BatchAnswer.From(item.Id, item.Question, answer);
        }
    }

    private static string? TryDecode(byte[] bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static BatchAnswer Error(string? id, string? question, string message) =>
        BatchAnswer.From(id, question, AnswerRecord.Failure(message));

    private readonly record struct RawLine(byte[] Bytes);

    /// <summary>Splits on '\n' at the byte level, so one undecodable line cannot spoil its neighbours.</summary>
    private static async IAsyncEnumerable<RawLine> ReadLinesAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                line.Write(buffer, start, i - start);
                yield return new RawLine(line.ToArray());
                line.SetLength(0);
                start = i + 1;
            }
            line.Write(buffer, start, read - start);
        }
        if (line.Length > 0) yield return new RawLine(line.ToArray());
    }
}
