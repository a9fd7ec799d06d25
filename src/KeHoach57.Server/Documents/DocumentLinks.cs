namespace KeHoach57.Server.Documents;

/// <summary>Where a document and a cited passage are shown to a person.</summary>
public static class DocumentLinks
{
    public static string Page(string docId) => "/documents/" + Uri.EscapeDataString(docId);

    /// <summary>
    /// The passage's page with both ?highlight= (the page marks it even when the fragment is lost, e.g. by
    /// a redirect) and #chunk- (the browser scrolls there and :target applies even without script).
    /// </summary>
    public static string Passage(string chunkId)
    {
        var slash = chunkId.IndexOf('/');
        if (slash < 0) return Page(chunkId);
        var anchor = Uri.EscapeDataString(chunkId[(slash + 1)..]);
        return $"{Page(chunkId[..slash])}?highlight={anchor}#chunk-{anchor}";
    }
}
