using System.Net.Http.Json;
using System.Text.Json;

namespace KeHoach57.Server.Tests.Infrastructure;

public static class Json
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static IEnumerable<JsonElement> Citations(this JsonElement answer) => answer.GetProperty("citations").EnumerateArray();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";
}
