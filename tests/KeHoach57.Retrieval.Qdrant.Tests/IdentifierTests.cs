namespace KeHoach57.Retrieval.Qdrant.Tests;

public sealed class IdentifierTests
{
    [Fact]
    public void Uuid5_reproduces_the_rfc_4122_dns_example()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), Uuid5.Create(dns, "www.example.com"));
    }

    [Fact]
    public void Uuid5_matches_another_implementation_for_a_vietnamese_chunk_id_in_the_project_namespace()
    {
        // Python: uuid.uuid5(uuid.UUID("ec9de84c-3633-42df-81bc-75b620174aab"), "yen-hoa/muc-1")
        Assert.Equal(new Guid("a7b84935-c29d-5150-a24a-944c8235e0da"), Uuid5.Create("yen-hoa/muc-1"));
    }

    [Fact]
    public void Uuid5_sets_version_5_and_the_rfc_variant_and_is_deterministic()
    {
        var id = Uuid5.Create("hà-nội/phụ-lục/bảng-1/dòng-2").ToString();

        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
        Assert.Equal(id, Uuid5.Create("hà-nội/phụ-lục/bảng-1/dòng-2").ToString());
        Assert.NotEqual(id, Uuid5.Create("hà-nội/phụ-lục/bảng-1/dòng-3").ToString());
    }

    [Fact]
    public void Status_point_id_cannot_collide_with_a_chunk_point_id()
    {
        Assert.DoesNotContain('/', "#index-status");
        Assert.Equal(Uuid5.Create("#index-status"), IndexStatusPayload.PointId);
    }

    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("kế_hoạch", 0xff17055fu)]
    [InlineData("chuyển_đổi_số", 0x786665acu)]
    [InlineData("năm", 0xc174048bu)]
    public void Term_ids_are_32_bit_fnv1a_of_utf8_and_never_change(string term, uint expected) =>
        Assert.Equal(expected, TermIds.Of(term));

    [Fact]
    public void Term_ids_of_long_terms_hash_every_byte()
    {
        var longTerm = new string('ệ', 400);

        Assert.NotEqual(TermIds.Of(longTerm), TermIds.Of(longTerm[..399]));
        Assert.Equal(TermIds.Of(longTerm), TermIds.Of(new string('ệ', 400)));
    }
}
