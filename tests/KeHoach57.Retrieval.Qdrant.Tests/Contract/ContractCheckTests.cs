using System.Text.Json;
using System.Text.Json.Nodes;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>The checks the recorded tests rely on must fail on the mistakes they exist to catch.</summary>
public sealed class ContractCheckTests
{
    private static IReadOnlyList<string> CheckRequest(string method, string path, string body)
    {
        using var document = JsonDocument.Parse(body);
        return QdrantOpenApi.Instance.ValidateRequest(method, path, document.RootElement);
    }

    [Fact]
    public void Spec_accepts_a_collection_with_an_idf_sparse_vector_and_rejects_a_misspelt_field_qdrant_would_silently_ignore()
    {
        Assert.Empty(CheckRequest("PUT", "/collections/x", """{"sparse_vectors":{"lexical":{"modifier":"idf"}},"shard_number":2}"""));
        Assert.Contains(CheckRequest("PUT", "/collections/x", """{"sparse_vector":{"lexical":{"modifier":"idf"}}}"""),
            e => e.Contains("sparse_vector: not a documented property"));
    }

    [Fact]
    public void Spec_rejects_an_unknown_modifier_a_negative_sparse_index_and_a_non_uuid_string_id()
    {
        Assert.NotEmpty(CheckRequest("PUT", "/collections/x", """{"sparse_vectors":{"lexical":{"modifier":"bm25"}}}"""));
        Assert.NotEmpty(CheckRequest("PUT", "/collections/x/points?wait=true",
            """{"points":[{"id":"1","vector":{"lexical":{"indices":[-1],"values":[1.0]}}}]}"""));
        Assert.NotEmpty(CheckRequest("PUT", "/collections/x/points?wait=true",
            """{"points":[{"id":"yen-hoa/muc-1","vector":{}}]}"""));
    }

    [Fact]
    public void Spec_knows_get_collections_aliases_is_not_the_alias_listing()
    {
        var operation = QdrantOpenApi.Instance.FindOperation("GET", "/collections/aliases");
        Assert.Equal("/collections/{collection_name}", operation?.Template);
        Assert.Equal("/aliases", QdrantOpenApi.Instance.FindOperation("GET", "/aliases")?.Template);
    }

    [Fact]
    public void Body_matching_reports_a_changed_value_a_missing_field_and_an_unrecorded_one()
    {
        var mismatches = new List<string>();
        RecordedQdrant.Match(
            JsonNode.Parse("""{"query":{"indices":[1,2],"values":[1.0,0.2]},"using":"lexical","limit":3}"""),
            JsonNode.Parse("""{"query":{"indices":[1,2],"values":[1.0,0.3]},"limit":3,"offset":1}"""),
            "$", mismatches);

        Assert.Equal(3, mismatches.Count);
        Assert.Contains(mismatches, m => m.StartsWith("$.query.values[1]", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.StartsWith("$.using: missing", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.StartsWith("$.offset: not in the recording", StringComparison.Ordinal));
    }

    [Fact]
    public void Body_matching_honours_wildcards_patterns_and_float_rounding()
    {
        var mismatches = new List<string>();
        RecordedQdrant.Match(
            JsonNode.Parse("""{"built_at":"<any>","name":"~^kehoach57-[0-9a-f]{12}$","value":0.8301887,"extra":{"<more>":true,"a":1}}"""),
            JsonNode.Parse("""{"built_at":"2026-01-01T00:00:00Z","name":"kehoach57-0123456789ab","value":0.830188691616058,"extra":{"a":1,"b":2}}"""),
            "$", mismatches);

        Assert.Empty(mismatches);
    }
}
