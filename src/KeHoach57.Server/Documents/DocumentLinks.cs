using KeHoach57.Core.Answers;

namespace KeHoach57.Server.Documents;

/// <summary>Where a document and a cited passage are shown to a person (the same addresses the chat channels link to).</summary>
public static class DocumentLinks
{
    public static string Page(string docId) => SourceText.DocumentPath(docId);

    /// <inheritdoc cref="SourceText.PassagePath"/>
    public static string Passage(string chunkId) => SourceText.PassagePath(chunkId);
}
