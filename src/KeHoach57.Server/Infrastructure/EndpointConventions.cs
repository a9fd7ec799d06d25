using Microsoft.AspNetCore.Mvc;

namespace KeHoach57.Server.Infrastructure;

/// <summary>Conventions shared by the API's endpoints: HEAD wherever GET works, and what the OpenAPI document states.</summary>
public static class EndpointConventions
{
    /// <summary>Every GET endpoint under <paramref name="builder"/> answers HEAD too (Kestrel sends the headers without the body).</summary>
    public static TBuilder AllowHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods &&
                methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
        });
        return builder;
    }

    /// <summary>The body is read by hand (<see cref="JsonBody"/>); this tells OpenAPI what it is.</summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>("application/json");

    /// <summary>Problem details (RFC 9457) for each status, as <see cref="Problems"/> writes them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
