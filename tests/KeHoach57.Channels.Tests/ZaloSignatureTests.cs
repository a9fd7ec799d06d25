using System.Text;
using KeHoach57.Channels.Zalo;

namespace KeHoach57.Channels.Tests;

public sealed class ZaloSignatureTests
{
    private const string Body = "{\"app_id\":\"42\",\"event_name\":\"user_send_text\",\"timestamp\":\"1700000000000\",\"sender\":{\"id\":\"u1\"},\"message\":{\"msg_id\":\"m1\",\"text\":\"Xin chào\"}}";

    // sha256("42" + body + "1700000000000" + "s3cr3t"), computed independently (Python hashlib).
    private const string Expected = "63ef7371c189a151b0169c090f680d9ea85acb3fe9a4f57d26298238d2f2f706";

    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Body);

    [Fact]
    public void Mac_is_sha256_of_app_id_body_timestamp_and_oa_secret() =>
        Assert.Equal(Expected, ZaloSignature.Compute("42", Bytes, "1700000000000", "s3cr3t"));

    [Theory]
    [InlineData("mac=" + Expected)]
    [InlineData(Expected)]
    [InlineData(" MAC=63EF7371C189A151B0169C090F680D9EA85ACB3FE9A4F57D26298238D2F2F706 ")]
    public void Accepts_the_mac_with_or_without_prefix(string header) =>
        Assert.True(ZaloSignature.Verify(header, "42", Bytes, "1700000000000", "s3cr3t"));

    [Theory]
    [InlineData("mac=" + Expected, "42", "1700000000001", "s3cr3t")]
    [InlineData("mac=" + Expected, "43", "1700000000000", "s3cr3t")]
    [InlineData("mac=" + Expected, "42", "1700000000000", "other")]
    [InlineData("mac=deadbeef", "42", "1700000000000", "s3cr3t")]
    [InlineData("", "42", "1700000000000", "s3cr3t")]
    [InlineData(null, "42", "1700000000000", "s3cr3t")]
    [InlineData("mac=" + Expected, "42", "1700000000000", "")]
    public void Rejects_anything_else(string? header, string appId, string timestamp, string secret) =>
        Assert.False(ZaloSignature.Verify(header, appId, Bytes, timestamp, secret));

    [Fact]
    public void Tampered_body_is_rejected() =>
        Assert.False(ZaloSignature.Verify("mac=" + Expected, "42", Encoding.UTF8.GetBytes(Body.Replace("chào", "chao")), "1700000000000", "s3cr3t"));

    [Fact]
    public void Event_fields_are_read_whether_timestamp_is_a_string_or_a_number()
    {
        var fromString = ZaloEvent.TryParse(Bytes)!;
        Assert.Equal(("42", "user_send_text", "1700000000000", "u1", "Xin chào", "m1"),
            (fromString.AppId, fromString.EventName, fromString.Timestamp, fromString.SenderId, fromString.Text, fromString.MessageId));
        Assert.Equal("1700000000000", ZaloEvent.TryParse(Encoding.UTF8.GetBytes("{\"timestamp\":1700000000000}"))!.Timestamp);
        Assert.Null(ZaloEvent.TryParse(Encoding.UTF8.GetBytes("{not json")));
        Assert.Null(ZaloEvent.TryParse(Encoding.UTF8.GetBytes("[1,2]")));
    }
}
